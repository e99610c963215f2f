package gigahost_test

import (
	"context"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/apidocs"
)

// The docs' example of GET /deploy/isos (wrapped in isos, FIELD-NOTES), fed
// to the decoder; a bare list is read too; an item without iso_id or an
// object of another shape is an error, never "no ISOs".
func TestISOsDocsExample(t *testing.T) {
	t.Parallel()
	c := docsAPI(t, map[string]string{"GET /deploy/isos": string(apidocs.Read(t, "examples/gigahost/GET_deploy_isos.json"))})
	isos, err := c.ISOs(context.Background())
	if err != nil || len(isos) != 1 || isos[0].ID != 42 || isos[0].Name != "debian-12.iso" || isos[0].Size != 650000000 {
		t.Fatalf("ISOs = %+v, %v", isos, err)
	}
	for name, data := range map[string]string{"bare": `[{"iso_id":7,"iso_name":"a.iso","iso_size":1}]`, "none": `{"isos":[]}`, "empty": `[]`} {
		c := docsAPI(t, map[string]string{"GET /deploy/isos": `{"meta":{"status":200},"data":` + data + `}`})
		if isos, err := c.ISOs(context.Background()); err != nil || (name == "bare") != (len(isos) == 1) {
			t.Errorf("%s: ISOs = %+v, %v", name, isos, err)
		}
	}
	for name, data := range map[string]string{
		"item without id": `{"isos":[{"iso_name":"a.iso"}]}`,
		"other object":    `{"images":[],"count":0}`,
		"a string":        `"none"`,
	} {
		c := docsAPI(t, map[string]string{"GET /deploy/isos": `{"meta":{"status":200},"data":` + data + `}`})
		if isos, err := c.ISOs(context.Background()); err == nil {
			t.Errorf("%s: ISOs = %+v, want an error", name, isos)
		}
	}
}
