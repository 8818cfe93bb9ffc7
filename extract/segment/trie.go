package segment

import "unicode/utf8"

// A trie finds the words of a sorted word list that a text starts with,
// a character at a time: what finding a text's dictionary words needs at
// every character of every text. It is built from the sorted list (zh_s's
// a first character at a time, as texts need them: see zhDict) rather than
// loaded into gse's own trie, which takes a second.
//
// Nodes are numbered breadth first, so the children of a node are a run of
// the nodes, sorted by their character. The root is the prefix the words
// share (none for a whole list).
type trie struct {
	label []rune   // the character into each node (none into the root, 0)
	kids  []uint32 // node i's children are nodes kids[i] to kids[i+1]
	word  []int32  // the index in the list of the word ending at each node, or -1
	// rootKids finds the root's child by its character without a search,
	// when the root has many: the words of a common character go on with
	// hundreds of others (中 with ~2,000), and a step from the root comes
	// at every character of every text. Open addressing; a child's number
	// + 1, 0 for an empty slot.
	rootKids []uint32
}

// newTrie builds the trie of the words lo to hi-1 of a list, word(i) the
// i-th in byte order (which is rune order in UTF-8), without duplicates,
// which share their first depth bytes.
func newTrie(lo, hi, depth int, word func(i int) string) *trie {
	// About one and a half nodes a word in zh_s.
	n := hi - lo
	t := &trie{label: make([]rune, 1, n+n/2+1), word: make([]int32, 1, n+n/2+1), kids: make([]uint32, 0, n+n/2+2)}
	t.word[0] = -1
	// A node covers the words [lo, hi), which share their first depth
	// bytes: the node's prefix. Nodes are made a level at a time.
	type span struct{ lo, hi, depth int32 }
	level := []span{{int32(lo), int32(hi), int32(depth)}}
	var next []span
	for len(level) > 0 {
		next = next[:0]
		for _, sp := range level {
			t.kids = append(t.kids, uint32(len(t.label)))
			lo, depth := int(sp.lo), int(sp.depth)
			if lo < int(sp.hi) && len(word(lo)) == depth {
				t.word[len(t.kids)-1] = int32(lo) // the prefix itself sorts first
				lo++
			}
			// The words after the prefix, grouped by their next
			// character: runs of the sorted list.
			for lo < int(sp.hi) {
				r, size := utf8.DecodeRuneInString(word(lo)[depth:])
				hi := lo + 1
				for hi < int(sp.hi) {
					if r2, _ := utf8.DecodeRuneInString(word(hi)[depth:]); r2 != r {
						break
					}
					hi++
				}
				t.label = append(t.label, r)
				t.word = append(t.word, -1)
				next = append(next, span{int32(lo), int32(hi), int32(depth + size)})
				lo = hi
			}
		}
		level, next = next, level
	}
	t.kids = append(t.kids, uint32(len(t.label)))
	if n := t.kids[1] - t.kids[0]; n > 16 {
		size := uint32(1)
		for size < 2*n {
			size *= 2
		}
		t.rootKids = make([]uint32, size)
		for c := t.kids[0]; c < t.kids[1]; c++ {
			i := slot(t.label[c], size)
			for t.rootKids[i] != 0 {
				i = (i + 1) & (size - 1)
			}
			t.rootKids[i] = c + 1
		}
	}
	return t
}

// slot is where a character's probe starts in a table of size slots.
func slot(r rune, size uint32) uint32 { return (uint32(r) * 0x9E3779B1) >> 7 & (size - 1) }

// child returns node's child by r, or 0.
func (t *trie) child(node uint32, r rune) uint32 {
	if node == 0 && t.rootKids != nil {
		size := uint32(len(t.rootKids))
		for i := slot(r, size); ; i = (i + 1) & (size - 1) {
			c := t.rootKids[i]
			if c == 0 {
				return 0
			}
			if t.label[c-1] == r {
				return c - 1
			}
		}
	}
	lo, end := t.kids[node], t.kids[node+1]
	for hi := end; lo < hi; {
		// A search by hand: sort.Search's call of a closure a step was a
		// tenth of finding a text's words.
		m := (lo + hi) / 2
		if t.label[m] < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && t.label[lo] == r {
		return lo
	}
	return 0
}

// prefixes calls fn with the index of every word that s, after the
// root's prefix, starts with, shortest first: the root's own first.
func (t *trie) prefixes(s string, fn func(i int)) {
	if w := t.word[0]; w >= 0 {
		fn(int(w))
	}
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

// find returns the index of the word that is the root's prefix and s.
func (t *trie) find(s string) (int, bool) {
	node := uint32(0)
	for _, r := range s {
		if node = t.child(node, r); node == 0 {
			return 0, false
		}
	}
	w := t.word[node]
	return int(w), w >= 0
}
