package plan

import "math"

// Small data structures for the O(n log n) sweeps over closures.

// fenwick is a Fenwick (binary indexed) tree of counts over positions
// 0..n-1.
type fenwick []int

func newFenwick(n int) fenwick { return make(fenwick, n+1) }

// add adds v at position i.
func (f fenwick) add(i, v int) {
	for i++; i < len(f); i += i & -i {
		f[i] += v
	}
}

// sum returns the total of positions 0..r-1.
func (f fenwick) sum(r int) int {
	s := 0
	for ; r > 0; r -= r & -r {
		s += f[r]
	}
	return s
}

// minFenwick keeps, over positions 0..n-1, the lowest value stored at each
// and answers the lowest value of a prefix.
type minFenwick []int

func newMinFenwick(n int) minFenwick {
	f := make(minFenwick, n+1)
	for i := range f {
		f[i] = math.MaxInt
	}
	return f
}

// lower stores v at position i when it is lower than what is there.
func (f minFenwick) lower(i, v int) {
	for i++; i < len(f); i += i & -i {
		f[i] = min(f[i], v)
	}
}

// min returns the lowest value at positions 0..i (math.MaxInt when none;
// i < 0 is the empty prefix).
func (f minFenwick) min(i int) int {
	m := math.MaxInt
	for i++; i > 0; i -= i & -i {
		m = min(m, f[i])
	}
	return m
}

// indexHeap is a binary min-heap of items keyed by an int.
type indexHeap struct {
	items []heapItem
}

type heapItem struct{ v, key int }

func (h *indexHeap) len() int { return len(h.items) }

// top returns the value with the lowest key; the heap must not be empty.
func (h *indexHeap) top() int { return h.items[0].v }

// push adds value v with key key.
func (h *indexHeap) push(v, key int) {
	h.items = append(h.items, heapItem{v, key})
	for i := len(h.items) - 1; i != 0; {
		parent := (i - 1) / 2
		if h.items[parent].key <= h.items[i].key {
			break
		}
		h.items[parent], h.items[i] = h.items[i], h.items[parent]
		i = parent
	}
}

// pop removes the value with the lowest key; the heap must not be empty.
func (h *indexHeap) pop() {
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.items[l].key < h.items[m].key {
			m = l
		}
		if r < last && h.items[r].key < h.items[m].key {
			m = r
		}
		if m == i {
			return
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}
