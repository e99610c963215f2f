package gigahost

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Database is a database of a hosting account.
type Database struct {
	// Name is the name as the list shows it: the name given at creation, or
	// that name prefixed with the account's system user ("exampleno_shop").
	Name string
}

// The docs give GET /webhosting/{id}/databases no example answer, and do
// not say whether the name the POST takes is stored as given or prefixed
// with the account's user (as hosting control panels do). So the list is
// read bare or wrapped, an entry as a plain name or an object with name
// (or database, db, dbname); a database is matched by its name or by
// <user>_<name>; the writes send the name the list shows, then the name as
// given.
var databaseKind = itemKind[Database]{
	what:    "database",
	segment: "databases",
	decode: func(_ context.Context, _ *Client, _ int64, raw json.RawMessage) ([]Database, error) {
		return decodeDatabases(raw)
	},
	lists: func(c *Client) *itemLists[Database] { return &c.hostingItems.databases },
}

func decodeDatabases(raw json.RawMessage) ([]Database, error) {
	entries, err := listItems(raw, "databases", "dbs")
	if err != nil {
		return nil, err
	}
	out := make([]Database, 0, len(entries))
	for _, e := range entries {
		name, _, err := entryName(e, "name", "database", "db", "dbname")
		if err != nil || name == "" {
			return nil, fmt.Errorf("an entry that is not a database (no name): %s", abbreviate(e))
		}
		out = append(out, Database{Name: name})
	}
	return out, nil
}

// databaseIs matches the database created as name in an account whose
// system user is user: listed as name, or as <user>_<name>.
func databaseIs(name, user string) func(Database) bool {
	return func(d Database) bool {
		return strings.EqualFold(d.Name, name) || (user != "" && strings.EqualFold(d.Name, user+"_"+name))
	}
}

// Databases lists the databases of a hosting account, once per operation.
func (c *Client) Databases(ctx context.Context, hostingID int64) ([]Database, error) {
	return items(ctx, c, databaseKind, hostingID)
}

// FindDatabase returns the database created as name: listed as name or
// prefixed with the account's user (read once per operation).
func (c *Client) FindDatabase(ctx context.Context, hostingID int64, list []Database, name string) (Database, bool, error) {
	if d, ok := findItem(list, databaseIs(name, "")); ok {
		return d, true, nil
	}
	user, err := c.hostingUser(ctx, hostingID)
	if err != nil {
		return Database{}, false, err
	}
	d, ok := findItem(list, databaseIs(name, user))
	return d, ok, nil
}

// CreateDatabase creates a database (and its user) and returns it as the
// list shows it; a lost answer is resolved by listing (createItem).
func (c *Client) CreateDatabase(ctx context.Context, hostingID int64, name, password string,
	again func(ctx context.Context, attempt int, err error)) (Database, error) {
	user, err := c.hostingUser(ctx, hostingID)
	if err != nil {
		return Database{}, err
	}
	body := map[string]any{"name": name, "password": password}
	return createItem(ctx, c, databaseKind, hostingID, name, body, databaseIs(name, user), again)
}

// databaseNames are the forms of {dbname}: as listed, then as given.
func databaseNames(listed, name string) itemNames {
	return itemNames{first: cmp.Or(listed, name), other: func(context.Context) (string, error) { return name, nil }}
}

// SetDatabasePassword changes the password of a database's user. listed
// is the name the list shows, name the name given at creation.
func (c *Client) SetDatabasePassword(ctx context.Context, hostingID int64, listed, name, password string) error {
	return writeItem(ctx, c, databaseKind, hostingID, http.MethodPut, databaseNames(listed, name), "/password",
		map[string]any{"password": password}, nil)
}

// DeleteDatabase deletes a database, and all its data, and verifies it by
// listing.
func (c *Client) DeleteDatabase(ctx context.Context, hostingID int64, listed, name string) error {
	listed = cmp.Or(listed, name)
	return deleteItem(ctx, c, databaseKind, hostingID, databaseNames(listed, name), func(d Database) bool { return strings.EqualFold(d.Name, listed) })
}
