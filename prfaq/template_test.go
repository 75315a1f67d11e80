package prfaq

const templatePath = "../examples/templates/prfaq.yaml"
