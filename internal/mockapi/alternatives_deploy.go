package mockapi

// deployAlts are the silent points of Gigahost servers and deploy.
var deployAlts = []AltSpec{}
