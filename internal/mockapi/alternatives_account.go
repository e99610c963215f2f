package mockapi

// accountAlts are the silent points of Gigahost account: API keys, SSH keys, web hosting.
var accountAlts = []AltSpec{}
