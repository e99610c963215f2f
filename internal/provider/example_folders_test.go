package provider_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/acctest"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// TestAccExampleFolders pastes every documentation example, alone, into an
// empty folder, as a reader of the Registry would, and runs it with the
// Terraform at TF_ACC_TERRAFORM_PATH against a fresh mock that the
// provider reaches through the environment variables a user sets:
//   - init, then plan, must succeed: the example's own terraform block
//     names every provider its types need;
//   - resource, data source, ephemeral resource and provider examples are
//     applied, planned again (no change) and destroyed; the mock must hold
//     what the example creates after the apply and be back to where it
//     started after the destroy;
//   - import examples plan as imports only (one per import target, nothing
//     to add, change or destroy) and the plan writes nothing to the mock.
//
// The objects an import example adopts exist beforehand: each is made in
// the mock (exampleFixtures) with the id the example uses.
func TestAccExampleFolders(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..", "examples")
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".tf") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 80 {
		t.Fatalf("found %d examples under %s, expected every resource's", len(files), root)
	}
	for _, file := range files {
		rel, _ := filepath.Rel(root, file)
		if reason, skip := exampleNotPasted[filepath.Dir(rel)]; skip {
			t.Logf("%s: not pasted alone: %s", rel, reason)
			continue
		}
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			t.Parallel()
			runExampleFolder(t, file, filepath.ToSlash(rel))
		})
	}
}

// exampleNotPasted are the example folders that are not meant to be
// pasted alone, each with where it is run instead.
var exampleNotPasted = map[string]string{
	"demo":                              "make demo applies it with its variables file (scripts/demo.sh)",
	"guides/scoped-api-key":             "a provider configured from a resource of the same run (the harness serves one configuration per local name); TestAccExamplesScopedKeyGuide applies it with the alias under a name of its own",
	"guides/adopt-with-terraform-query": "a terraform query walk-through; TestAccModernDNS_queryGeneratesAdoptableConfig runs it",
}

var (
	apiResource   = regexp.MustCompile(`(?m)^resource "giga(s|host)_`)
	variables     = regexp.MustCompile(`(?m)^variable "(\w+)"`)
	importBlock   = regexp.MustCompile(`(?ms)^import \{.*?^\}\n`)
	planSummary   = regexp.MustCompile(`Plan: (\d+) to import, (\d+) to add, (\d+) to change, (\d+) to destroy`)
	importTargets = regexp.MustCompile(`(?m)^import \{`)
	forEachImport = regexp.MustCompile(`(?s)import \{\s*for_each\s*=\s*toset\(\[([^\]]*)\]\)`)
)

func runExampleFolder(t *testing.T, file, rel string) {
	hcl, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case strings.HasPrefix(rel, "actions/"):
		acctest.SkipBelowTerraform(t, "1.14.0")
	case strings.HasSuffix(rel, "/import-identity.tf"):
		acctest.SkipBelowTerraform(t, "1.12.0")
	}
	env := acctest.New(t)
	dir := filepath.ToSlash(filepath.Dir(rel))
	for _, key := range []string{rel, dir} {
		if fixture := exampleFixtures[key]; fixture != nil {
			fixture(t, env.Mock)
		}
	}
	folder := func() *acctest.Terraform {
		tf := env.Folder(t)
		for _, v := range variables.FindAllStringSubmatch(string(hcl), -1) {
			value, ok := exampleVariables[v[1]]
			if !ok {
				value = "Example-secret-" + v[1] + "-7"
			}
			tf.Setenv("TF_VAR_"+v[1], value)
		}
		return tf
	}
	tf := folder()
	tf.Write("main.tf", string(hcl))
	tf.Run("init", "-no-color")

	if strings.Contains(filepath.Base(rel), "import") {
		if !importSeeded[dir] {
			// The objects to adopt are made as someone would have made them
			// before: the example's own resources (or the folder's resource
			// example, when those need objects made with them), applied
			// elsewhere and forgotten there.
			made := importBlock.ReplaceAllString(string(hcl), "")
			if from, ok := importOrigin[dir]; ok {
				b, err := os.ReadFile(filepath.Join(filepath.Dir(file), from))
				if err != nil {
					t.Fatal(err)
				}
				made = string(b)
			}
			origin := folder()
			origin.Write("main.tf", made)
			origin.Run("init", "-no-color")
			origin.Run("apply", "-auto-approve", "-no-color")
		}
		env.Mock.ResetRequests()
		out := tf.Run("plan", "-no-color")
		m := planSummary.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("the plan shows no import summary:\n%s", out)
		}
		if want := importCount(string(hcl)); m[1] != strconv.Itoa(want) || m[2] != "0" || m[3] != "0" || m[4] != "0" {
			t.Fatalf("want a plan of %d imports only, got %q:\n%s", want, m[0], out)
		}
		if w := writes(env.Mock); w != 0 {
			t.Fatalf("the plan of an import sent %d write requests to the API", w)
		}
		return
	}

	before := inventory(env.Mock)
	tf.Run("apply", "-auto-approve", "-no-color")
	applied := inventory(env.Mock)
	creates := apiResource.MatchString(string(hcl))
	if creates && slices.Equal(applied, before) {
		t.Fatalf("the apply of an example with resources changed nothing in the mock: %v", applied)
	}
	if !creates && !slices.Equal(applied, before) {
		t.Fatalf("the apply of an example without resources changed the mock:\nbefore %v\nafter  %v", before, applied)
	}
	if out, code := tf.Try("plan", "-detailed-exitcode", "-no-color"); code != 0 {
		t.Fatalf("the plan after the apply is not empty (exit %d):\n%s", code, out)
	}
	tf.Run("destroy", "-auto-approve", "-no-color")
	if after := inventory(env.Mock); !slices.Equal(after, before) {
		t.Fatalf("the mock after the destroy is not as before the apply:\nbefore %v\nafter  %v", before, after)
	}
}

// importCount is the number of objects an example's import blocks adopt.
func importCount(hcl string) int {
	n := len(importTargets.FindAllString(hcl, -1))
	for _, m := range forEachImport.FindAllStringSubmatch(hcl, -1) {
		n += strings.Count(m[1], ",")
	}
	return n
}

// writes counts the requests that change something at the API.
func writes(m *mockapi.Server) int {
	n := 0
	for _, r := range m.Requests() {
		if r.Method != "GET" && (r.Method != "POST" || !strings.HasSuffix(r.Path, "/authenticate")) {
			n++
		}
	}
	return n
}

// inventory lists what the mock holds that an example can create or
// change, one sorted line per object or setting.
func inventory(m *mockapi.Server) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	for _, vm := range m.Gigas.VMs() {
		add("vm %s %s", vm.ID, vm.Label)
		for _, j := range m.Gigas.ISOJoins(vm.ID) {
			add("vm %s iso %v", vm.ID, j)
		}
	}
	for id, name := range m.Gigahost.DNS.Zones() {
		add("zone %d %s dnssec=%v", id, name, m.Gigahost.DNSSEC.Enabled(id))
		for _, r := range m.Gigahost.DNS.Records(id) {
			add("record %d %s %s %s %d", id, r.Name, r.Type, r.Value, r.TTL)
		}
		for _, r := range m.Gigahost.DNS.Redirects(id) {
			add("redirect %d %v", id, r)
		}
		for _, ds := range m.Gigahost.DNSSEC.ExternalDS(id) {
			add("external-ds %d %v", id, ds)
		}
	}
	for _, sv := range m.Gigahost.Servers.Live() {
		add("server %d", sv.ID)
		for _, target := range []string{sv.IPv4, m.Gigahost.ServerExtras.Subnet(sv.ID)} {
			add("server %d reverse %s=%q", sv.ID, target, m.Gigahost.ServerExtras.Reverse(sv.ID, target))
		}
		for _, s := range m.Gigahost.ServerExtras.Snapshots(sv.ID) {
			add("server %d snapshot %v", sv.ID, s.ID)
		}
	}
	for _, k := range m.Gigahost.SSHKeys.List() {
		add("ssh-key %d %s", k.ID, k.Name)
	}
	add("api-keys active %d", m.Gigahost.Keys.ActiveCount())
	for _, s := range m.Gigahost.BGP.Sessions() {
		add("bgp-session %v", s.ID)
	}
	h := int64(mockapi.GigahostHostingID)
	add("hosting %d mailboxes %d databases %d forwarders %d ftp %d autoresponders %d dkim %v", h,
		m.Gigahost.Webhosting.MailboxCount(h), m.Gigahost.Webhosting.DatabaseCount(h), m.Gigahost.Webhosting.ForwarderCount(h),
		m.Gigahost.Webhosting.FTPAccountCount(h), m.Gigahost.Webhosting.AutoresponderCount(h), m.Gigahost.Webhosting.DKIM(h))
	if c, ok := m.Gigahost.Webhosting.Certificate(h); ok {
		add("hosting %d certificate %v", h, c)
	}
	slices.Sort(out)
	return out
}

// importSeeded are the example folders whose import examples adopt what
// the mock holds from the start (the docs' zone example.no, id 123, and its
// BGP session 1); the others' are first applied without their import blocks.
var importSeeded = map[string]bool{"resources/gigahost_dns_zone": true, "resources/gigahost_bgp_session": true, "provider": true}

// importOrigin names, per folder, the example whose apply makes the objects
// that the folder's import examples adopt, where those are made together
// with a parent (the server of a snapshot, the machine of an ISO).
var importOrigin = map[string]string{
	"resources/gigahost_server_rdns":      "resource.tf",
	"resources/gigahost_server_snapshot":  "resource.tf",
	"resources/gigas_virtual_machine_iso": "resource.tf",
}

// exampleVariables are the values given to the examples' variables that
// have no default (the others get a password-like string).
var exampleVariables = map[string]string{"hosting_ip": "192.0.2.80"}

// exampleFixtures prepare the mock for an example file (by its path) or for
// every file of a folder: what the reader's account holds before they paste
// the example.
var exampleFixtures = map[string]func(t *testing.T, m *mockapi.Server){
	// These examples make the zone example.no, which the mock's account
	// holds from the start.
	"resources/gigahost_dns_zone/resource.tf":   deleteSeedZone,
	"resources/gigahost_dns_record/resource.tf": deleteSeedZone,
	// DS records for a zone whose name servers are elsewhere.
	"resources/gigahost_dns_external_ds": func(t *testing.T, m *mockapi.Server) {
		if !m.Gigahost.DNSSEC.SetExternal(mockapi.SeedZoneID, true) {
			t.Fatal("no seeded zone")
		}
	},
	// A redirect of the apex needs @ and www free of address records.
	"resources/gigahost_dns_redirect/import-by-string-id.tf": freeApexForRedirect,
	"resources/gigahost_dns_redirect/import-identity.tf":     freeApexForRedirect,
	// Servers made outside this configuration, which the examples look up.
	// (with the default reverse name a new server's address has, as in the
	// docs' server record, which the example's destroy puts back).
	"data-sources/gigahost_server": func(t *testing.T, m *mockapi.Server) {
		id := m.Gigahost.ServerExtras.AddServer(7951, "db-1.example.com")
		sv, _ := m.Gigahost.Servers.Get(id)
		if !m.Gigahost.ServerExtras.SetReverse(id, sv.IPv4, "static."+sv.IPv4+".customers.gigahost.no") {
			t.Fatal("cannot set the reverse name")
		}
	},
	"ephemeral-resources/gigahost_server_ipmi": addMetal,
	"actions/gigahost_server_power":            addMetal,
	"actions/gigahost_server_reboot": func(_ *testing.T, m *mockapi.Server) {
		m.Gigahost.ServerExtras.AddServer(7951, "web-1.example.com")
	},
}

// addMetal adds a dedicated server (IPMI, power on and off).
func addMetal(_ *testing.T, m *mockapi.Server) {
	m.Gigahost.ServerExtras.AddServer(4873, "metal-1.example.com")
}

func deleteSeedZone(t *testing.T, m *mockapi.Server) {
	if !m.Gigahost.DNS.DeleteZone(mockapi.SeedZoneID) {
		t.Fatal("no seeded zone")
	}
}

func freeApexForRedirect(t *testing.T, m *mockapi.Server) {
	for _, name := range []string{"@", "www"} {
		for _, r := range m.Gigahost.DNS.FindRecords(mockapi.SeedZoneID, name, "A", "") {
			if !m.Gigahost.DNS.DeleteRecord(mockapi.SeedZoneID, r.ID) {
				t.Fatalf("cannot delete %s", r.ID)
			}
		}
	}
}
