package main

import (
	"syscall"
	"testing"
)

// TestResidentBytes checks the process's resident memory against memory
// it touches: 64 MB mapped afresh must show once written, not before,
// and go when unmapped. The mapping is outside Go's heap, whose freed pages a test
// run may reuse without growing.
func TestResidentBytes(t *testing.T) {
	before, ok := residentBytes()
	if !ok || before <= 0 {
		t.Fatalf("residentBytes() = %d, %v; want the process's resident bytes", before, ok)
	}
	const size = 64 << 20
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	mapped, _ := residentBytes()
	for i := 0; i < size; i += 4096 {
		mem[i] = 1
	}
	touched, _ := residentBytes()
	if err := syscall.Munmap(mem); err != nil {
		t.Fatal(err)
	}
	after, _ := residentBytes()
	if grew := mapped - before; grew > 8<<20 {
		t.Errorf("resident memory grew by %d MB after 64 MB were mapped, before they were written; want the pages written, not mapped", grew>>20)
	}
	if grew := touched - before; grew < 60<<20 {
		t.Errorf("resident memory grew by %d MB after 64 MB were mapped and written; want at least 60", grew>>20)
	}
	if fell := touched - after; fell < 60<<20 {
		t.Errorf("resident memory fell by %d MB after the 64 MB were unmapped; want at least 60", fell>>20)
	}
}
