package segment

import (
	"sort"
	"unicode/utf8"
)

// A trie finds the words of a sorted word list that a text starts with,
// a character at a time: what finding a text's dictionary words needs at
// every character of every text. Built once from the sorted list (tens of
// milliseconds for zh_s) rather than loaded into gse's own trie (a second),
// and six bytes a character of the list smaller.
//
// Nodes are numbered breadth first, so the children of a node are a run of
// the nodes, sorted by their character.
type trie struct {
	label []rune   // the character into each node (none into the root, 0)
	kids  []uint32 // node i's children are nodes kids[i] to kids[i+1]
	word  []int32  // the index in the list of the word ending at each node, or -1
	// root finds the root's child for a character of the CJK blocks
	// without a search: nearly every text starts there.
	root []uint32 // by rune - rootLow; 0 for none
}

const (
	rootLow  = 0x3400 // CJK Extension A
	rootHigh = 0x9FFF // the end of CJK Unified Ideographs
)

// newTrie builds the trie of n words, word(i) the i-th in byte order
// (which is rune order in UTF-8), with no duplicates.
func newTrie(n int, word func(i int) string) *trie {
	t := &trie{label: []rune{0}, word: []int32{-1}}
	// A node covers the words [lo, hi), which share their first depth
	// bytes: the node's prefix.
	type span struct{ lo, hi, depth int }
	queue := []span{{0, n, 0}}
	for next := 0; next < len(queue); next++ {
		sp := queue[next]
		t.kids = append(t.kids, uint32(len(t.label)))
		lo := sp.lo
		if lo < sp.hi && len(word(lo)) == sp.depth {
			t.word[next] = int32(lo) // the prefix itself sorts first
			lo++
		}
		for lo < sp.hi {
			r, size := utf8.DecodeRuneInString(word(lo)[sp.depth:])
			prefix := word(lo)[:sp.depth+size]
			hi := lo + 1
			for hi < sp.hi && len(word(hi)) >= len(prefix) && word(hi)[:len(prefix)] == prefix {
				hi++
			}
			t.label = append(t.label, r)
			t.word = append(t.word, -1)
			queue = append(queue, span{lo, hi, sp.depth + size})
			lo = hi
		}
		queue[next] = span{} // let the queue's front go
	}
	t.kids = append(t.kids, uint32(len(t.label)))
	t.root = make([]uint32, rootHigh-rootLow+1)
	for c := t.kids[0]; c < t.kids[1]; c++ {
		if r := t.label[c]; r >= rootLow && r <= rootHigh {
			t.root[r-rootLow] = c
		}
	}
	return t
}

// child returns node's child by r, or 0.
func (t *trie) child(node uint32, r rune) uint32 {
	if node == 0 && r >= rootLow && r <= rootHigh {
		return t.root[r-rootLow]
	}
	lo, hi := t.kids[node], t.kids[node+1]
	kids := t.label[lo:hi]
	i := sort.Search(len(kids), func(i int) bool { return kids[i] >= r })
	if i < len(kids) && kids[i] == r {
		return lo + uint32(i)
	}
	return 0
}

// prefixes calls fn with the index of every word that s starts with,
// shortest first.
func (t *trie) prefixes(s string, fn func(i int)) {
	node := uint32(0)
	for _, r := range s {
		if node = t.child(node, r); node == 0 {
			return
		}
		if w := t.word[node]; w >= 0 {
			fn(int(w))
		}
	}
}

// find returns the index of the word s.
func (t *trie) find(s string) (int, bool) {
	node := uint32(0)
	for _, r := range s {
		if node = t.child(node, r); node == 0 {
			return 0, false
		}
	}
	w := t.word[node]
	return int(w), node != 0 && w >= 0
}
