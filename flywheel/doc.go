// Package flywheel models growth flywheels as causal loop graphs.
package flywheel
