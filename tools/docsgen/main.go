// Command docsgen splits the provider's schema by service for
// scripts/generate-docs.sh (`make generate`).
//
// tfplugindocs expects every type to start with the provider's name and
// looks each page's schema up as "<provider>_<page name>". This provider is
// `giga`, but its types start with `gigas_` or `gigahost_`, so the docs are
// rendered once per service, each time with the service as the provider
// name and only that service's types in the schema:
//
//	docsgen split-schema IN OUT_DIR
//
// reads the output of `terraform providers schema -json` and writes
// OUT_DIR/gigas.json and OUT_DIR/gigahost.json, each holding the provider
// schema under the service's name (the key tfplugindocs looks up) with only
// the resources and data sources of that prefix. It fails on a type with
// neither prefix, so that no page can go missing silently.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// services are the type-name prefixes, without the underscore.
var services = []string{"gigas", "gigahost"}

// schemaKinds are the provider-schema members that hold types by name.
var schemaKinds = []string{"resource_schemas", "data_source_schemas", "ephemeral_resource_schemas", "list_resource_schemas", "action_schemas"}

func main() {
	if len(os.Args) != 4 || os.Args[1] != "split-schema" {
		fmt.Fprintln(os.Stderr, "usage: docsgen split-schema IN OUT_DIR")
		os.Exit(2)
	}
	if err := splitSchema(os.Args[2], os.Args[3]); err != nil {
		fmt.Fprintln(os.Stderr, "docsgen:", err)
		os.Exit(1)
	}
}

func splitSchema(in, outDir string) error {
	raw, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc struct {
		FormatVersion   string                                `json:"format_version"`
		ProviderSchemas map[string]map[string]json.RawMessage `json:"provider_schemas"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if len(doc.ProviderSchemas) != 1 {
		return fmt.Errorf("%s: want the schema of exactly one provider, found %d", in, len(doc.ProviderSchemas))
	}
	var provider map[string]json.RawMessage
	for _, p := range doc.ProviderSchemas {
		provider = p
	}

	// per service: the provider schema with only that service's types.
	split := map[string]map[string]json.RawMessage{}
	for _, svc := range services {
		split[svc] = map[string]json.RawMessage{}
		for k, v := range provider {
			split[svc][k] = v
		}
	}
	for _, kind := range schemaKinds {
		if provider[kind] == nil {
			continue
		}
		var types map[string]json.RawMessage
		if err := json.Unmarshal(provider[kind], &types); err != nil {
			return fmt.Errorf("%s: %s: %w", in, kind, err)
		}
		byService := map[string]map[string]json.RawMessage{}
		for name, schema := range types {
			svc := serviceOf(name)
			if svc == "" {
				return fmt.Errorf("%s: %s %q starts with none of %v", in, kind, name, services)
			}
			if byService[svc] == nil {
				byService[svc] = map[string]json.RawMessage{}
			}
			byService[svc][name] = schema
		}
		for _, svc := range services {
			b, err := json.Marshal(byService[svc])
			if err != nil {
				return err
			}
			split[svc][kind] = b
		}
	}

	for _, svc := range services {
		out := map[string]any{
			"format_version":   doc.FormatVersion,
			"provider_schemas": map[string]any{svc: split[svc]},
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(outDir, svc+".json"), b, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// serviceOf is the service whose prefix starts name, or "".
func serviceOf(name string) string {
	svc, _, ok := strings.Cut(name, "_")
	if !ok {
		return ""
	}
	for _, s := range services {
		if s == svc {
			return s
		}
	}
	return ""
}
