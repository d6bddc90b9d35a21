package store

import (
	"context"
	"testing"
)

// TestSecretaryCode is the secretary code that UseTestSecretary sets.
const TestSecretaryCode = testSecretaryCode

// CheapSecretaryKDF makes s hash new secretary codes with cheap argon2id
// parameters, for tests in package store_test.
func CheapSecretaryKDF(s *Store) { s.kdf = cheapKDF() }

// UseTestSecretary sets the secretary code of s's meeting to
// TestSecretaryCode, cheaply hashed, and returns the key it unlocks.
func UseTestSecretary(t testing.TB, s *Store) *SecretaryKey {
	t.Helper()
	CheapSecretaryKDF(s)
	if err := s.SetSecretaryCode(context.Background(), testSecretaryCode); err != nil {
		t.Fatalf("SetSecretaryCode: %v", err)
	}
	return testKey(t, s)
}
