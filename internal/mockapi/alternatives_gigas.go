package mockapi

// gigasAlts are the silent points of Gigas virtual machines.
var gigasAlts = []AltSpec{}
