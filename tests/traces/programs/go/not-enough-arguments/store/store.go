package store

import (
	"context"
	"fmt"
)

type Store struct{ notes map[string]string }

func New() *Store { return &Store{notes: map[string]string{}} }

// Save was changed to take a context in the last refactoring.
func (s *Store) Save(ctx context.Context, id, body string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("save %s: %w", id, err)
	}
	s.notes[id] = body
	return nil
}
