package mockapi

import "net/http"

// VM operations that change nothing the VM object shows:
// POST .../reboot (optional force) and POST .../rebuild_network
// (gigas-virtual-machines.txt § Reboot Virtual Machine, § Rebuild network:
// success 202, "Has Token: Yes", body not shown: AltGigasOperationAnswer).
// Each runs as a transaction that locks the VM; its effect is counted on
// the VM (GigasVM.Reboots, ForcedReboots, NetworkRebuilds) when the
// transaction completes, so that tests assert that it took place.

func (s *Server) registerGigasVMOperations(mux *http.ServeMux) {
	mux.HandleFunc("POST /account/{account}/virtual_machine/{id}/reboot", s.gigasAuth(s.gigasVMOperation(func(vm *GigasVM, body map[string]any) {
		vm.Reboots++
		if force, _ := fieldBool(body, "force"); force {
			vm.ForcedReboots++
		}
	})))
	mux.HandleFunc("POST /account/{account}/virtual_machine/{id}/rebuild_network", s.gigasAuth(s.gigasVMOperation(func(vm *GigasVM, _ map[string]any) {
		vm.NetworkRebuilds++
	})))
}

// gigasVMOperation answers one operation: 404 for a VM the account does not
// have, 409 while the VM is locked, else a transaction that applies effect.
func (s *Server) gigasVMOperation(effect func(vm *GigasVM, body map[string]any)) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := readJSON(r)
		if err != nil {
			gigasError(w, http.StatusBadRequest, "Invalid JSON body")
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		vm, ok := s.writableVM(w, r)
		if !ok {
			return
		}
		if vm.Status == "unbuilt" {
			gigasError(w, http.StatusConflict, "Virtual machine is not built")
			return
		}
		tx := s.newTxn(vm.ID, func(vm *GigasVM) { effect(vm, body) }, false)
		if s.altLocked(AltGigasOperationAnswer) == "empty" {
			w.WriteHeader(http.StatusAccepted)
			return
		}
		writeJSON(w, http.StatusAccepted, map[string]any{"queue_token": tx.token})
	}
}
