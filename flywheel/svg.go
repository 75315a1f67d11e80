package flywheel

import (
	"io"
	"math"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/render"
)

// maxSVGLabel is the most characters of a label an SVG node shows.
const maxSVGLabel = 32

// SVG renders the wheel as a standalone SVG image that any browser opens:
// nodes on a circle (the main loop as a ring that reads clockwise, each
// other node beside the neighbour it is most strongly linked to, on the
// side where its links cross the fewest others), links as curved arrows,
// green for "+" and red and dashed for "−", with the sign on each arrow,
// loop IDs (R1, B1) inside the loops they name, and a legend. All document
// text is XML-escaped.
//
// A wheel above MaxNodes or MaxLinks is not drawn: the image says why.
func (f *Flywheel) SVG(w io.Writer) error { return f.Analyze().SVG(w) }

// SVG is Flywheel.SVG on the loops already computed.
func (a *Analysis) SVG(w io.Writer) error {
	f := a.Flywheel
	b := newOutput(w)
	if err := f.checkSize(); err != nil {
		b.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="100" viewBox="0 0 640 100" font-family="Helvetica, Arial, sans-serif" font-size="13">` + "\n")
		b.printf("<title>%s</title>\n", xmlText(f.Name))
		b.str(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
		b.printf(`<text x="20" y="40" font-size="16" font-weight="bold">%s</text>`+"\n", xmlText(clip(f.Name, 60)))
		b.printf(`<text x="20" y="70" fill="#cf222e">%s</text>`+"\n", xmlText(clip("not drawn: "+err.Error(), 90)))
		b.str("</svg>\n")
		return b.close()
	}
	order := a.circleOrder()
	n := len(order)
	radius := math.Max(150, float64(n)*34)
	legend := a.legend()
	width := 2*radius + 300
	top := 60.0
	cx, cy := width/2, top+radius+40
	height := cy + radius + 70 + float64(len(legend))*18
	pos := make([]point, len(f.Nodes))
	for k, v := range order {
		a := -math.Pi/2 + 2*math.Pi*float64(k)/float64(max(n, 1))
		pos[v] = point{cx + radius*math.Cos(a), cy + radius*math.Sin(a)}
	}
	half := make([]point, len(f.Nodes))
	labels := make([]string, len(f.Nodes))
	for i, node := range f.Nodes {
		labels[i] = clip(node.Name(), maxSVGLabel)
		half[i] = point{float64(utf8.RuneCountInString(labels[i]))*3.6 + 12, 15}
	}

	b.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="Helvetica, Arial, sans-serif" font-size="13">`+"\n", width, height, width, height)
	b.printf("<title>%s</title>\n", xmlText(f.Name))
	b.str(`<defs>` +
		`<marker id="pos" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1a7f37"/></marker>` +
		`<marker id="neg" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#cf222e"/></marker>` +
		"</defs>\n")
	b.str(`<rect width="100%" height="100%" fill="#ffffff"/>` + "\n")
	b.printf(`<text x="%.1f" y="32" text-anchor="middle" font-size="18" font-weight="bold">%s</text>`+"\n", cx, xmlText(clip(f.Name, 80)))

	for e, k := range a.edges() {
		from, to := a.g.from[e], a.g.to[e]
		color, marker, dash := "#1a7f37", "pos", ""
		sign := "+"
		if f.Links[k].Polarity == Negative {
			color, marker, dash, sign = "#cf222e", "neg", ` stroke-dasharray="6 4"`, "−"
		}
		if from == to {
			p := pos[from]
			b.printf(`<path d="M%.1f,%.1f c-30,-50 30,-50 8,-%.1f" fill="none" stroke="%s" stroke-width="1.6"%s marker-end="url(#%s)"/>`+"\n",
				p.x-8, p.y-half[from].y, half[from].y*0.2, color, dash, marker)
			continue
		}
		a, z := pos[from], pos[to]
		// Bend each arrow to its right so a→b and b→a do not overlap.
		mid := point{(a.x + z.x) / 2, (a.y + z.y) / 2}
		dx, dy := z.x-a.x, z.y-a.y
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		ctrl := point{mid.x - dy/l*0.18*l, mid.y + dx/l*0.18*l}
		start := boxExit(a, ctrl, half[from])
		end := boxExit(z, ctrl, half[to])
		b.printf(`<path d="M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f" fill="none" stroke="%s" stroke-width="1.6"%s marker-end="url(#%s)"/>`+"\n",
			start.x, start.y, ctrl.x, ctrl.y, end.x, end.y, color, dash, marker)
		// The curve's midpoint carries the sign.
		m := point{0.25*start.x + 0.5*ctrl.x + 0.25*end.x, 0.25*start.y + 0.5*ctrl.y + 0.25*end.y}
		b.printf(`<circle cx="%.1f" cy="%.1f" r="9" fill="#ffffff" stroke="%s"/><text x="%.1f" y="%.1f" text-anchor="middle" fill="%s" font-weight="bold">%s</text>`+"\n",
			m.x, m.y, color, m.x, m.y+4.5, color, sign)
	}
	for i := range f.Nodes {
		p, h := pos[i], half[i]
		fill, stroke, rx := "#f6f8fa", "#57606a", 14.0
		switch f.Nodes[i].Kind {
		case Stock:
			rx = 2
		case Lever:
			fill, stroke = "#fff8c5", "#9a6700"
		}
		b.printf(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" rx="%.0f" fill="%s" stroke="%s" stroke-width="1.4"/>`+"\n",
			p.x-h.x, p.y-h.y, 2*h.x, 2*h.y, rx, fill, stroke)
		b.printf(`<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`+"\n", p.x, p.y+4.5, xmlText(labels[i]))
	}
	// Loop IDs sit at the centroid of their nodes, nudged apart.
	for i := range a.Loops {
		if i == maxLegendLoops {
			break
		}
		l := &a.Loops[i]
		c := point{}
		for _, id := range l.Nodes {
			v := a.nodeIndex(id)
			c.x += pos[v].x
			c.y += pos[v].y
		}
		c.x /= float64(len(l.Nodes))
		c.y /= float64(len(l.Nodes))
		// The centroid of a loop's nodes lies inside the ring they form
		// on the circle.
		c.y += float64(i%4)*16 - 24
		color := "#1a7f37"
		if l.Polarity == Balancing {
			color = "#cf222e"
		}
		b.printf(`<text x="%.1f" y="%.1f" text-anchor="middle" fill="%s" font-weight="bold">⟳ %s</text>`+"\n", c.x, c.y, color, xmlText(l.ID))
	}
	y := cy + radius + 60
	for _, line := range legend {
		b.printf(`<text x="20" y="%.1f" fill="#24292f">%s</text>`+"\n", y, xmlText(clip(line, 160)))
		y += 18
	}
	b.str("</svg>\n")
	return b.close()
}

type point struct{ x, y float64 }

// boxExit returns where the line from the centre c of a box of half sizes
// h towards p leaves the box, so arrows end at the border, not the centre.
func boxExit(c, p, h point) point {
	dx, dy := p.x-c.x, p.y-c.y
	if dx == 0 && dy == 0 {
		return c
	}
	t := math.Inf(1)
	if dx != 0 {
		t = h.x / math.Abs(dx)
	}
	if dy != 0 {
		t = math.Min(t, h.y/math.Abs(dy))
	}
	t = math.Min(t, 1)
	return point{c.x + dx*t, c.y + dy*t}
}

// clip shortens s to at most n characters, ending in "…" when cut.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// xmlText escapes document text for SVG, on one line: SVG shows a line
// break as a space anyway, and control characters (NEL included) are not
// text a drawing can show.
func xmlText(s string) string { return render.XML(plain(s)) }
