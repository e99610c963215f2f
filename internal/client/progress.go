package client

import "fmt"

// Progress reports a step of a long operation to the user (an action's
// progress messages); nil reports nothing.
type Progress func(message string)

// Say reports one step, formatted as fmt.Sprintf does.
func (p Progress) Say(format string, args ...any) {
	if p != nil {
		p(fmt.Sprintf(format, args...))
	}
}
