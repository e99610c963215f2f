package webhosting

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/gigaform/terraform-provider-giga/internal/client"
	"github.com/gigaform/terraform-provider-giga/internal/client/gigahost"
	"github.com/gigaform/terraform-provider-giga/internal/opcache"
)

// Mailbox creates whose answer is lost.
//
// A create sent again after it took effect fails with "Email account already
// exists", and the mailbox it made would be left out of the state. So the
// client sends it once and reports an unknown outcome after a 5xx answer or
// a connection lost after sending. createMailbox then lists the account: the
// address present now and absent before the create is this create's mailbox
// (adopted: the create carried the password, so it is set); absent means the
// API did not act, and the create is sent again, a bounded number of times.
//
// Password and quota changes are idempotent and deletes are sent to the
// address, so repeating them (as the transport does) is harmless.

// createMailbox creates the mailbox address from in, from inside a write to
// the account. It returns the mailbox when it was found by listing the
// account after a lost answer, nil when the API answered.
func createMailbox(ctx context.Context, c *gigahost.Client, a *account, hostingID int64, address string, in gigahost.MailboxInput) (*gigahost.Mailbox, error) {
	fetch := mailboxFetch(c, hostingID)
	before, err := a.view(ctx, fetch)
	if err != nil {
		return nil, fmt.Errorf("listing the e-mail accounts of hosting account %d before the create: %w", hostingID, err)
	}
	tries := client.CreateTries{Attempts: c.MailboxCreateAttempts(), Wait: c.RetryWait, NotCreated: "the e-mail account was not created",
		Again: func(ctx context.Context, attempt int, err error) {
			tflog.Debug(ctx, "E-mail account create: answer lost and the account is not in the list; creating it again", map[string]any{
				"hosting_id": hostingID, "address": address, "attempt": attempt, "error": err.Error(),
			})
		}}
	mb, adopted, err := client.CreateOnce(ctx, tries, func(ctx context.Context) error { return c.CreateMailbox(ctx, hostingID, in) },
		func(ctx context.Context, attempt int, err error) (gigahost.Mailbox, bool, error) {
			list, lerr := a.Refresh(ctx, fetch)
			if lerr != nil {
				return gigahost.Mailbox{}, false, fmt.Errorf("%w; and listing the account to learn whether the e-mail account was created failed: %w", err, lerr)
			}
			mb, ok := gigahost.FindMailbox(list, address)
			if !ok || before.has(address) {
				return gigahost.Mailbox{}, false, nil
			}
			tflog.Debug(ctx, "E-mail account create: answer lost, but the account is in the list now", map[string]any{
				"hosting_id": hostingID, "address": address, "attempt": attempt,
			})
			return mb, true, nil
		})
	if err != nil {
		return nil, err
	}
	a.noteWrite(address, true)
	if !adopted {
		return nil, nil
	}
	return &mb, nil
}

// mailboxFetch lists a hosting account's mailboxes.
func mailboxFetch(c *gigahost.Client, hostingID int64) opcache.Fetch[[]gigahost.Mailbox] {
	return func(ctx context.Context) ([]gigahost.Mailbox, error) { return c.Mailboxes(ctx, hostingID) }
}

// accountDomain looks up the domain of a hosting account's mailboxes.
func accountDomain(c *gigahost.Client, hostingID int64) func(context.Context) (string, error) {
	return func(ctx context.Context) (string, error) {
		h, err := c.HostingAccount(ctx, hostingID)
		if err != nil {
			return "", err
		}
		if h.Domain == "" {
			return "", fmt.Errorf("GET /webhosting/%d: the answer carries no domain", hostingID)
		}
		return string(h.Domain), nil
	}
}
