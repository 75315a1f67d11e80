package barraiser

// leadershipPrinciples are Amazon's Leadership Principles as Amazon publishes
// them (amazon.jobs/content/en/our-workplace/leadership-principles), in
// Amazon's order. "Have Backbone; Disagree and Commit" is one principle.
var leadershipPrinciples = [...]string{
	"Customer Obsession",
	"Ownership",
	"Invent and Simplify",
	"Are Right, A Lot",
	"Learn and Be Curious",
	"Hire and Develop the Best",
	"Insist on the Highest Standards",
	"Think Big",
	"Bias for Action",
	"Frugality",
	"Earn Trust",
	"Dive Deep",
	"Have Backbone; Disagree and Commit",
	"Deliver Results",
	"Strive to be Earth's Best Employer",
	"Success and Scale Bring Broad Responsibility",
}

// LeadershipPrinciples returns Amazon's sixteen Leadership Principles with
// their exact published names, the default list a Loop assesses. Each call
// returns a fresh slice the caller may change.
func LeadershipPrinciples() []string {
	return append([]string(nil), leadershipPrinciples[:]...)
}
