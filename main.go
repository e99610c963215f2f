// Command terraform-provider-giga is the Terraform provider for the Gigas and
// Gigahost APIs.
package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/gigaform/terraform-provider-giga/internal/provider"
	"github.com/gigaform/terraform-provider-giga/internal/serve"
)

// version is set by the release build (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()

	// What providerserver.Serve does for protocol 6, with the server of
	// package serve: it releases each RPC's context when the RPC returns,
	// which the framework alone would keep until the process ends.
	var opts []tf6server.ServeOpt
	if debug {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve("registry.terraform.io/gigaform/giga", serve.Protocol6(provider.New(version)), opts...); err != nil {
		log.Fatal(err.Error())
	}
}
