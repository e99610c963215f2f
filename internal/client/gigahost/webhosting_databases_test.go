package gigahost_test

import (
	"context"
	"testing"

	"github.com/gigaform/terraform-provider-giga/internal/mockapi"
)

// Every plausible form of the undocumented database list gives the same
// names; a form the decoder does not know is an error, never an empty list.
// A database is found under its name or <user>_<name>, the user from the
// account list (the docs' example).
func TestDatabaseListForms(t *testing.T) {
	t.Parallel()
	accounts := `{"meta":{"status":200},"data":{"hosting":[{"hosting_id":1,"domain":"example.no","username":"exampleno"}]}}`
	for name, data := range map[string]string{
		"wrapped":  `{"databases":[{"name":"exampleno_shop"},{"name":"blog"}]}`,
		"bare":     `[{"database":"exampleno_shop"},{"db":"blog"}]`,
		"strings":  `{"databases":["exampleno_shop","blog"]}`,
		"other":    `{"dbs":[{"dbname":"exampleno_shop"},"blog"]}`,
		"one more": `{"list":[{"name":"exampleno_shop"},{"name":"blog"}]}`,
	} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/databases": `{"meta":{"status":200},"data":` + data + `}`, "GET /webhosting": accounts})
		ctx := context.Background()
		list, err := c.Databases(ctx, 1)
		if err != nil || len(list) != 2 {
			t.Errorf("%s: Databases = %+v, %v", name, list, err)
			continue
		}
		for want, look := range map[string]string{"exampleno_shop": "shop", "blog": "blog"} {
			d, ok, err := c.FindDatabase(ctx, 1, list, look)
			if err != nil || !ok || d.Name != want {
				t.Errorf("%s: FindDatabase(%q) = %+v %v %v", name, look, d, ok, err)
			}
		}
		if d, ok, err := c.FindDatabase(ctx, 1, list, "hop"); ok || err != nil {
			t.Errorf("%s: FindDatabase(hop) = %+v %v %v", name, d, ok, err)
		}
	}
	for name, data := range map[string]string{"entry unknown": `{"databases":[{"size":1}]}`, "empty object": `{}`, "text": `"none"`} {
		c := docsAPI(t, map[string]string{"GET /webhosting/1/databases": `{"meta":{"status":200},"data":` + data + `}`})
		if list, err := c.Databases(context.Background(), 1); err == nil {
			t.Errorf("%s: Databases = %+v, want an error", name, list)
		}
	}
}

// Create, password and verified delete under both naming forms; the
// writes reach the database by the listed name first, the given one next.
func TestDatabaseLifecycle(t *testing.T) {
	t.Parallel()
	for _, form := range []string{"wrapped", "user-prefixed"} {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			c, m := mockClient(t, false)
			m.SetAlt(mockapi.AltDatabaseList, form)
			ctx := context.Background()
			id := int64(mockapi.GigahostHostingID)
			d, err := c.CreateDatabase(ctx, id, "shop", "db-secret-1", nil)
			if err != nil {
				t.Fatal(err)
			}
			if err := c.SetDatabasePassword(ctx, id, d.Name, "shop", "db-secret-2"); err != nil {
				t.Fatal(err)
			}
			// A stale listed name (say, from an old state) falls back to the given one.
			if err := c.SetDatabasePassword(ctx, id, "stale_shop", "shop", "db-secret-3"); form == "wrapped" && err != nil {
				t.Errorf("the given name after a 404 on the listed one: %v", err)
			}
			if got, _ := m.Gigahost.Webhosting.Database(id, d.Name); got.Password == "db-secret-1" {
				t.Errorf("the password was not changed: %+v", got)
			}
			if _, err := c.CreateDatabase(ctx, id, "shop", "db-secret-1", nil); err == nil {
				t.Error("a second create of the same database succeeded")
			}
			if err := c.DeleteDatabase(ctx, id, d.Name, "shop"); err != nil {
				t.Fatal(err)
			}
			if n := m.Gigahost.Webhosting.DatabaseCount(id); n != 0 {
				t.Errorf("%d databases left", n)
			}
			if err := c.DeleteDatabase(ctx, id, d.Name, "shop"); err != nil {
				t.Errorf("deleting a database already gone: %v", err)
			}
		})
	}
}
