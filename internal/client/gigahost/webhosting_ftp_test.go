package gigahost_test

import (
	"context"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Every plausible form of the undocumented FTP list is read; an unknown one
// is an error, never an empty list.
func TestFTPListForms(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		data string
		want []gigahost.FTPAccount
	}{
		"wrapped":      {`{"ftp":[{"username":"web","path":"shop"},{"username":"all","path":""}]}`, []gigahost.FTPAccount{{User: "web", Path: "shop", PathKnown: true}, {User: "all", PathKnown: true}}},
		"bare, full":   {`[{"user":"web@example.no","directory":"/home/u/public_html/shop"}]`, []gigahost.FTPAccount{{User: "web@example.no", Path: "/home/u/public_html/shop", PathKnown: true}}},
		"names only":   {`{"ftp":["web"]}`, []gigahost.FTPAccount{{User: "web"}}},
		"other keys":   {`{"accounts":[{"login":"web","homedir":null}]}`, []gigahost.FTPAccount{{User: "web"}}},
		"empty":        {`[]`, nil},
		"wrapped none": {`{"ftp":[]}`, nil},
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/ftp": `{"meta":{"status":200},"data":` + tc.data + `}`})
		list, err := c.FTPAccounts(context.Background(), 1)
		if err != nil || len(list) != len(tc.want) {
			t.Errorf("%s: FTPAccounts = %+v, %v", name, list, err)
			continue
		}
		for i := range tc.want {
			if list[i] != tc.want[i] {
				t.Errorf("%s: entry %d = %+v, want %+v", name, i, list[i], tc.want[i])
			}
		}
		if _, ok := gigahost.FindFTPAccount(list, "web"); len(tc.want) > 0 && tc.want[0].User != "all" && !ok {
			t.Errorf("%s: web not found", name)
		}
	}
	for name, data := range map[string]string{"entry unknown": `{"ftp":[{"size":1}]}`, "path a number": `{"ftp":[{"username":"web","path":5}]}`, "empty object": `{}`} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/ftp": `{"meta":{"status":200},"data":` + data + `}`})
		if list, err := c.FTPAccounts(context.Background(), 1); err == nil {
			t.Errorf("%s: FTPAccounts = %+v, want an error", name, list)
		}
	}
}

// Create, password and verified delete under every form; {ftp_user} is the
// name first, then name@domain.
func TestFTPLifecycle(t *testing.T) {
	t.Parallel()
	for _, form := range []string{"wrapped", "full-names", "names-only"} {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			c, m := mockClient(t, false)
			m.SetAlt(mockapi.AltFTPList, form)
			ctx := context.Background()
			id := int64(mockapi.GigahostHostingID)
			if _, err := c.CreateFTPAccount(ctx, id, gigahost.FTPAccountInput{Username: "web", Password: "ftp-secret-1", Path: "shop"}, nil); err != nil {
				t.Fatal(err)
			}
			if err := c.SetFTPPassword(ctx, id, "web", "ftp-secret-2"); err != nil {
				t.Fatal(err)
			}
			if f, _ := m.Gigahost.Webhosting.FTPAccount(id, "web"); f.Password != "ftp-secret-2" || f.Path != "shop" {
				t.Errorf("the mock holds %+v", f)
			}
			if err := c.DeleteFTPAccount(ctx, id, "web"); err != nil {
				t.Fatal(err)
			}
			if n := m.Gigahost.Webhosting.FTPAccountCount(id); n != 0 {
				t.Errorf("%d FTP accounts left", n)
			}
			if err := c.SetFTPPassword(ctx, id, "web", "ftp-secret-3"); err == nil {
				t.Error("a password set on a deleted account succeeded")
			}
		})
	}
}
