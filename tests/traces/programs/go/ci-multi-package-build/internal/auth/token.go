package auth

import (
	"crypto/rand"
	"encoding/hex"
	"time"
)

func NewToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
