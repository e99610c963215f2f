#!/usr/bin/env bash
# make generate: format the examples and regenerate docs/ with tfplugindocs.
#
# Offline and deterministic: the provider is built here and its schema read
# with the installed terraform through a dev_overrides CLI configuration (no
# `terraform init`, no download); tfplugindocs then renders from schema
# files (--providers-schema), so it neither builds nor downloads anything.
#
# Naming. The provider is `giga` but its types start with `gigas_` and
# `gigahost_`, while tfplugindocs expects `giga_<name>` and looks each page's
# schema up that way. So the pages are rendered once per service, with the
# service as the provider name and only its types in the schema (split by
# tools/docsgen), and each page is then stored under its full type name:
# docs/resources/gigas_virtual_machine.md, docs/data-sources/gigahost_catalog.md.
# Examples stay where tfplugindocs looks for them, under the full type name
# (examples/resources/gigas_virtual_machine/resource.tf). Every page is
# titled with its real type name, and templates/resources.md.tmpl and
# data-sources.md.tmpl file it under its service ("Gigas" or "Gigahost") as
# the Registry subcategory. `tfplugindocs validate` accepts full-name pages.
# Guides come from examples/guides/<name>/README.md plus the folder's .tf files.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
tf="${TERRAFORM:-terraform}"
tfplugindocs=(go tool -modfile="$repo/tools/go.mod" tfplugindocs)
services=(gigas gigahost)

work="$(mktemp -d "${TMPDIR:-/tmp}/giga-docs.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The schema is read under the address tfplugindocs validate looks up
# ("registry.terraform.io/hashicorp/giga"); the plugin serves the same schema
# whatever address it is installed under.
export CHECKPOINT_DISABLE=1 TF_INPUT=0
export TF_CLI_CONFIG_FILE="$work/terraformrc"
cat >"$TF_CLI_CONFIG_FILE" <<RC
provider_installation {
  dev_overrides {
    "hashicorp/giga" = "$work/bin"
  }
  direct {}
}
RC

echo "==> terraform fmt -recursive examples/"
"$tf" fmt -recursive examples/

echo "==> reading the provider schema"
go build -o "$work/bin/terraform-provider-giga" .
mkdir -p "$work/schema"
cat >"$work/schema/main.tf" <<'HCL'
terraform {
  required_providers {
    giga = { source = "hashicorp/giga" }
  }
}
HCL
# Terraform before 1.14 leaves actions and list resources out of the schema it prints, so the
# schema is read with the newer binary (TERRAFORM_NEXT, as make test-modern
# uses) when there is one. Without it the action pages cannot be rendered:
# that is said loudly, and the committed ones are kept as they are.
next="${TERRAFORM_NEXT:-$HOME/.cache/terraform-next/terraform}"
schema_tf="$tf"
if [[ -x "$next" ]]; then
  schema_tf="$next"
else
  echo "!!!!!!!! NOT RENDERED: the action and list resource pages (docs/actions/, docs/list-resources/) need Terraform >= 1.14 at $next to read the schema; the committed pages are kept !!!!!!!!" >&2
  # tfplugindocs clears docs/: keep the committed action pages aside.
  [[ -d docs/actions ]] && cp -R docs/actions "$work/kept-actions"
  [[ -d docs/list-resources ]] && cp -R docs/list-resources "$work/kept-list-resources"
fi
"$schema_tf" -chdir="$work/schema" providers schema -json >"$work/schema.json"
go -C tools run ./docsgen split-schema "$work/schema.json" "$work"

mkdir -p "$work/docs/resources" "$work/docs/data-sources" "$work/docs/ephemeral-resources" "$work/docs/actions" "$work/docs/list-resources"
for svc in "${services[@]}"; do
  echo "==> tfplugindocs generate ($svc types)"
  "${tfplugindocs[@]}" generate \
    --provider-dir "$repo" \
    --provider-name "$svc" \
    --rendered-provider-name Giga \
    --providers-schema "$work/$svc.json" \
    --website-temp-dir "$work/tfplugindocs" >"$work/tfplugindocs-$svc.log" 2>&1 ||
    { cat "$work/tfplugindocs-$svc.log" >&2; exit 1; }
  if grep -i "warn\|does not exist" "$work/tfplugindocs-$svc.log" >&2; then
    echo "tfplugindocs reported problems (above)" >&2
    exit 1
  fi
  for kind in resources data-sources ephemeral-resources actions list-resources; do
    for page in docs/"$kind"/*.md; do
      [[ -e "$page" ]] || continue
      mv "$page" "$work/docs/$kind/${svc}_$(basename "$page")"
    done
  done
  mv docs/index.md "$work/docs/index-$svc.md"
done
# The provider page does not depend on the service; keep one.
cmp -s "$work/docs/index-gigas.md" "$work/docs/index-gigahost.md" ||
  { echo "the provider page differs between the two renderings" >&2; exit 1; }
mv "$work/docs/index-gigas.md" "$work/docs/index.md"
rm "$work/docs/index-gigahost.md"
rmdir "$work/docs"/* 2>/dev/null || true

# Guides: each examples/guides/<name>/ holds a README.md and the
# configuration it explains; the page is the README followed by its .tf files.
for readme in examples/guides/*/README.md; do
  [[ -e "$readme" ]] || continue
  dir="$(dirname "$readme")"
  name="$(basename "$dir")"
  title="$(sed -n '1s/^# *//p' "$readme")"
  [[ -n "$title" ]] || { echo "$readme must start with a '# Title' line" >&2; exit 1; }
  mkdir -p "$work/docs/guides"
  {
    printf -- '---\npage_title: "%s"\nsubcategory: ""\ndescription: |-\n  %s\n---\n\n' "${title//\"/\\\"}" "$title"
    cat "$readme"
    for tf_file in "$dir"/*.tf; do
      [[ -e "$tf_file" ]] || continue
      printf '\n## %s\n\n```terraform\n' "$(basename "$tf_file")"
      cat "$tf_file"
      printf '```\n'
    done
  } >"$work/docs/guides/$name.md"
done

for kept in actions list-resources; do
  if [[ -d "$work/kept-$kept" ]]; then
    rm -rf "$work/docs/$kept"
    cp -R "$work/kept-$kept" "$work/docs/$kept"
  fi
done
rm -rf docs
cp -R "$work/docs" docs
echo "docs/: $(find docs -name '*.md' | wc -l | tr -d ' ') pages"

echo "==> tfplugindocs validate"
"${tfplugindocs[@]}" validate \
  --provider-dir "$repo" \
  --provider-name giga \
  --providers-schema "$work/schema.json" \
  --allowed-resource-subcategories Gigas,Gigahost >"$work/validate.log" 2>&1 ||
  { grep -v '\[DEBUG\]' "$work/validate.log" >&2; exit 1; }
echo "docs/ is valid for the Terraform Registry"
