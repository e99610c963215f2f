// Command giga-mock runs the in-memory Gigas and Gigahost mock API on its own,
// for demos and for trying the provider without an account. It listens on the
// loopback interface only and keeps everything in memory: stopping it (Ctrl-C,
// SIGTERM) forgets every object.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "giga-mock:", err)
		os.Exit(2)
	}
}

func run(args []string, out io.Writer) error {
	def := mockapi.DefaultOptions()
	fs := flag.NewFlagSet("giga-mock", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:8089", "loopback `address` to listen on (port 0 picks a free one)")
	delay := fs.Duration("provisioning-delay", def.ProvisioningDelay, "how long Gigas transactions stay pending and Gigahost deploys take")
	latency := fs.Duration("latency", def.Latency, "delay added to every request")
	faultRate := fs.Float64("fault-rate", def.FaultRate, "share of requests (0 to 1) answered by an injected 429, 500, 502 or dropped connection")
	seed := fs.Uint64("seed", def.Seed, "seed of the random choices (faults, ids), for reproducible runs")
	retryAfter := fs.Int("retry-after", def.RetryAfterSeconds, "Retry-After `seconds` sent with injected 429s")
	envFile := fs.String("env-file", "", "once listening, write the endpoints and API keys to this `file` as shell variable assignments (for scripts)")
	alts := fs.String("alts", "", "answer silent points of the docs in another plausible form: `name=form,...` (-list-alts shows them)")
	listAlts := fs.Bool("list-alts", false, "list the silent points the mock can switch, with their forms, and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if *listAlts {
		printAlts(out)
		return nil
	}
	if err := checkLoopback(*listen); err != nil {
		return err
	}
	altForms, err := mockapi.ParseAlts(*alts)
	if err != nil {
		return fmt.Errorf("-alts: %w", err)
	}
	if *faultRate < 0 || *faultRate > 1 {
		return fmt.Errorf("-fault-rate must be between 0 and 1, got %v", *faultRate)
	}

	opts := def
	opts.ProvisioningDelay = *delay
	opts.Latency = *latency
	opts.FaultRate = *faultRate
	opts.Seed = *seed
	opts.RetryAfterSeconds = *retryAfter
	opts.Alts = altForms
	srv := mockapi.New(opts)
	if err := srv.StartOn(*listen); err != nil {
		return err
	}
	defer srv.Close()

	if *envFile != "" {
		if err := writeEnvFile(*envFile, srv); err != nil {
			return err
		}
	}
	printBanner(out, srv, opts)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	sig := <-stop
	fmt.Fprintf(out, "giga-mock: %s received, stopping\n", sig)
	return nil
}

// checkLoopback refuses any address but a loopback one: the mock accepts
// well-known credentials and must never be reachable from the network.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-listen %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-listen %q: the mock only listens on loopback addresses (127.0.0.1, [::1], localhost)", addr)
	}
	return nil
}

// writeEnvFile writes the provider's environment variables for this mock.
// The file is written under another name and renamed, so that a script
// waiting for it never reads half of it.
func writeEnvFile(name string, srv *mockapi.Server) error {
	content := fmt.Sprintf("GIGAS_ENDPOINT=%s\nGIGAS_API_KEY=%s\nGIGAHOST_ENDPOINT=%s\nGIGAHOST_API_KEY=%s\n",
		srv.GigasURL(), mockapi.GigasAPIKey, srv.GigahostURL(), mockapi.GigahostAPIKey)
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, []byte(content), 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func printBanner(out io.Writer, srv *mockapi.Server, opts mockapi.Options) {
	fmt.Fprintf(out, `giga-mock: Gigas and Gigahost mock API listening on %s

  Gigas
    GIGAS_ENDPOINT=%s
    GIGAS_API_KEY=%s
    (session login: GIGAS_USERNAME=%s GIGAS_PASSWORD=%s, account %d)

  Gigahost
    GIGAHOST_ENDPOINT=%s
    GIGAHOST_API_KEY=%s
    (session login: GIGAHOST_USERNAME=%s GIGAHOST_PASSWORD=%s)

  knobs: provisioning-delay=%s latency=%s fault-rate=%g seed=%d retry-after=%ds

Paste into a shell:
  export GIGAS_ENDPOINT=%s GIGAS_API_KEY=%s
  export GIGAHOST_ENDPOINT=%s GIGAHOST_API_KEY=%s

State lives in memory only. Stop with Ctrl-C.
`,
		srv.URL(),
		srv.GigasURL(), mockapi.GigasAPIKey, mockapi.GigasUsername, mockapi.GigasPassword, mockapi.GigasAccountID,
		srv.GigahostURL(), mockapi.GigahostAPIKey, mockapi.GigahostUsername, mockapi.GigahostPassword,
		opts.ProvisioningDelay, opts.Latency, opts.FaultRate, opts.Seed, opts.RetryAfterSeconds,
		srv.GigasURL(), mockapi.GigasAPIKey, srv.GigahostURL(), mockapi.GigahostAPIKey,
	)
}

// printAlts lists the silent points: name, forms (default first), and why.
func printAlts(out io.Writer) {
	for _, a := range mockapi.Alternatives() {
		forms := slices.Clone(a.Forms)
		for i, f := range forms {
			if why := a.Skipped(f); why != "" {
				forms[i] = f + " (" + why + ")"
			}
		}
		fmt.Fprintf(out, "%s: %s\n    %s\n", a.Name, strings.Join(forms, " | "), a.Why)
	}
}
