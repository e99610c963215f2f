package gigahost

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// FTPAccount is an FTP account of a hosting account.
type FTPAccount struct {
	// User is the user name as the list shows it: as created, or as
	// <user>@<domain>.
	User string
	// Path is the folder the account is limited to, as the list shows it;
	// valid only when PathKnown (the list may not show it).
	Path      string
	PathKnown bool
}

// The docs give GET /webhosting/{id}/ftp no example answer, and do not say
// whether an account is listed (and addressed in {ftp_user}) by the
// username given at creation or as <username>@<domain> (as hosting control
// panels name FTP accounts), nor how the path is shown. So the list is read
// bare or wrapped, an entry a plain name or an object with username (or
// user, login, ftp_user) and maybe path (or directory, dir, homedir); an
// account is matched by its name or by its part before the @; the writes
// send the name, then <name>@<domain>.
var ftpKind = itemKind[FTPAccount]{
	what:    "FTP account",
	segment: "ftp",
	decode: func(_ context.Context, _ *Client, _ int64, raw json.RawMessage) ([]FTPAccount, error) {
		return decodeFTPAccounts(raw)
	},
	lists: func(c *Client) *itemLists[FTPAccount] { return &c.hostingItems.ftp },
}

func decodeFTPAccounts(raw json.RawMessage) ([]FTPAccount, error) {
	entries, err := listItems(raw, "ftp", "ftp_accounts", "accounts")
	if err != nil {
		return nil, err
	}
	out := make([]FTPAccount, 0, len(entries))
	for _, e := range entries {
		user, obj, err := entryName(e, "username", "user", "login", "ftp_user")
		if err != nil || user == "" {
			return nil, fmt.Errorf("an entry that is not an FTP account (no username): %s", abbreviate(e))
		}
		a := FTPAccount{User: user}
		for _, key := range []string{"path", "directory", "dir", "homedir"} {
			if v, ok := obj[key]; ok {
				var p *string
				if err := json.Unmarshal(v, &p); err != nil {
					return nil, fmt.Errorf("FTP account %s: %s %s is not a path", user, key, abbreviate(v))
				}
				if p != nil {
					a.Path, a.PathKnown = *p, true
				}
				break
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// ftpIs matches the account created as user: listed as user or as
// user@<a domain>.
func ftpIs(user string) func(FTPAccount) bool {
	return func(a FTPAccount) bool {
		local, _, _ := strings.Cut(a.User, "@")
		return strings.EqualFold(a.User, user) || strings.EqualFold(local, user)
	}
}

// FTPAccounts lists the FTP accounts of a hosting account, once per operation.
func (c *Client) FTPAccounts(ctx context.Context, hostingID int64) ([]FTPAccount, error) {
	return items(ctx, c, ftpKind, hostingID)
}

// FindFTPAccount returns the account of list created as user.
func FindFTPAccount(list []FTPAccount, user string) (FTPAccount, bool) {
	return findItem(list, ftpIs(user))
}

// FTPAccountInput creates an FTP account.
type FTPAccountInput struct {
	Username string `json:"username"`
	Password string `json:"password"`
	// Path limits the account to a folder below the website root; "" is
	// full access.
	Path string `json:"path,omitempty"`
}

// CreateFTPAccount creates an FTP account and returns it as the list shows
// it; a lost answer is resolved by listing (createItem).
func (c *Client) CreateFTPAccount(ctx context.Context, hostingID int64, in FTPAccountInput,
	again func(ctx context.Context, attempt int, err error)) (FTPAccount, error) {
	return createItem(ctx, c, ftpKind, hostingID, in.Username, in, ftpIs(in.Username), again)
}

// SetFTPPassword changes the password of an FTP account.
func (c *Client) SetFTPPassword(ctx context.Context, hostingID int64, user, password string) error {
	return writeItem(ctx, c, ftpKind, hostingID, http.MethodPut, c.nameOrAddress(hostingID, user), "/password", map[string]any{"password": password}, nil)
}

// DeleteFTPAccount deletes an FTP account and verifies it by listing.
func (c *Client) DeleteFTPAccount(ctx context.Context, hostingID int64, user string) error {
	return deleteItem(ctx, c, ftpKind, hostingID, c.nameOrAddress(hostingID, user), ftpIs(user))
}
