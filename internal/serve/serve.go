// Package serve serves the provider over protocol 6: the framework's
// server, with each RPC's context released when the RPC returns.
//
// terraform-plugin-framework (v1.19, internal/proto6server registerContext)
// keeps the cancel function of every RPC's context until StopProvider, which
// Terraform sends only when it interrupts a run: so every context of a run
// stays reachable until the process ends. Each one holds what
// terraform-plugin-go put in it (its own loggers, fields and request id,
// about 13 KiB), and a plan calls several RPCs per resource: at 1,000 DNS
// records that was about 55 MiB retained and a heap that peaked near 150 MiB
// (BenchmarkRecordsMemory, issue 14). The framework still needs a context it
// can cancel on StopProvider, so the server gives it one that forwards to the
// RPC's context while the RPC runs and lets go of it when the RPC returns:
// the framework then retains a few hundred bytes per RPC.
package serve

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// Protocol6 is the server providerserver.Serve makes of providerFunc, with
// each RPC's context released when the RPC returns, for tf6server.Serve.
func Protocol6(providerFunc func() provider.Provider) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return Release(providerserver.NewProtocol6(providerFunc())()) }
}

// Release wraps a server so that the context each unary RPC passes down is
// released when the RPC returns. The server keeps every interface of s that
// tf6server looks for (list resources, actions, state stores); s must be the
// framework's server, which has them all. Streaming RPCs (ListResource,
// InvokeAction, ReadStateBytes, WriteStateBytes) and the once-per-run
// provider RPCs pass their context through unchanged: a stream is read
// after its RPC returned.
func Release(s tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	full, ok := s.(fullServer)
	if !ok {
		return s
	}
	return &server{fullServer: full}
}

// fullServer is every RPC the framework's server implements.
type fullServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

type server struct{ fullServer }

// call runs one unary RPC with a context that is released when it returns.
func call[Req, Resp any](ctx context.Context, req Req, rpc func(context.Context, Req) (Resp, error)) (Resp, error) {
	h := hold(ctx)
	defer h.release()
	return rpc(h, req)
}

// held forwards to the RPC's context until release; after it, it carries no
// values. Its Done channel and deadline are the RPC context's, taken when the
// RPC begins, so that what derives from it is cancelled with the RPC as
// before (and context.WithCancel still registers with the RPC's own
// cancelable context rather than starting a goroutine). Only what outlives
// the RPC sees the difference: a list fetch shared with later readers
// (context.WithoutCancel) logs nothing once its first reader has returned.
type held struct {
	ctx      atomic.Pointer[context.Context]
	done     <-chan struct{}
	deadline time.Time
	hasDL    bool
}

func hold(ctx context.Context) *held {
	h := &held{done: ctx.Done()}
	h.deadline, h.hasDL = ctx.Deadline()
	h.ctx.Store(&ctx)
	return h
}

func (h *held) release() { h.ctx.Store(nil) }

func (h *held) Deadline() (time.Time, bool) { return h.deadline, h.hasDL }

func (h *held) Done() <-chan struct{} { return h.done }

func (h *held) Err() error {
	if c := h.ctx.Load(); c != nil {
		return (*c).Err()
	}
	select {
	case <-h.done:
		if h.hasDL && !time.Now().Before(h.deadline) {
			return context.DeadlineExceeded
		}
		return context.Canceled
	default:
		return nil
	}
}

func (h *held) Value(key any) any {
	if c := h.ctx.Load(); c != nil {
		return (*c).Value(key)
	}
	return nil
}

// The unary RPCs of resources, data sources, ephemeral resources,
// functions, list resources and actions: those a run calls once per object.

func (s *server) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return call(ctx, req, s.fullServer.ValidateResourceConfig)
}

func (s *server) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return call(ctx, req, s.fullServer.UpgradeResourceState)
}

func (s *server) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return call(ctx, req, s.fullServer.ReadResource)
}

func (s *server) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return call(ctx, req, s.fullServer.PlanResourceChange)
}

func (s *server) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return call(ctx, req, s.fullServer.ApplyResourceChange)
}

func (s *server) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return call(ctx, req, s.fullServer.ImportResourceState)
}

func (s *server) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return call(ctx, req, s.fullServer.MoveResourceState)
}

func (s *server) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return call(ctx, req, s.fullServer.UpgradeResourceIdentity)
}

func (s *server) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return call(ctx, req, s.fullServer.GenerateResourceConfig)
}

func (s *server) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return call(ctx, req, s.fullServer.ValidateDataResourceConfig)
}

func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return call(ctx, req, s.fullServer.ReadDataSource)
}

func (s *server) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return call(ctx, req, s.fullServer.ValidateEphemeralResourceConfig)
}

func (s *server) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return call(ctx, req, s.fullServer.OpenEphemeralResource)
}

func (s *server) RenewEphemeralResource(ctx context.Context, req *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return call(ctx, req, s.fullServer.RenewEphemeralResource)
}

func (s *server) CloseEphemeralResource(ctx context.Context, req *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return call(ctx, req, s.fullServer.CloseEphemeralResource)
}

func (s *server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return call(ctx, req, s.fullServer.CallFunction)
}

func (s *server) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return call(ctx, req, s.fullServer.ValidateListResourceConfig)
}

func (s *server) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	return call(ctx, req, s.fullServer.ValidateActionConfig)
}

func (s *server) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	return call(ctx, req, s.fullServer.PlanAction)
}
