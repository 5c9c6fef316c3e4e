package plan

import (
	"bytes"
	"encoding/json"
	"iter"
)

// Dated is a value that belongs to one day, such as a day's care or the
// verdict on a reserved day: DayList stores the values of days that are
// alike apart from their date once.
type Dated[T any] interface {
	// Day returns the value's date.
	Day() Date
	// OnDay returns the value with its date set to d.
	OnDay(d Date) T
	// Equal reports whether the value equals o, its date included.
	Equal(o T) bool
}

// DayList is a list of per-day values, in the order they were added,
// stored compactly: a month of days present costs a few bytes a day rather
// than a copy of the whole value (a billing run keeps thousands of such
// months). At returns day i's value; All ranges over them. The zero value is
// an empty list.
//
// It marshals to JSON as the array of its values, exactly as a slice of
// them would, and back: null for the zero list, [] for one grown or added
// to but empty.
type DayList[T Dated[T]] struct {
	values []T
	days   []dayRef
}

// dayRef is one day of a DayList: its date and the index of its value.
type dayRef struct {
	date  Date
	value int32
}

// DayListOf returns the list of vs, each day its own value.
func DayListOf[T Dated[T]](vs ...T) DayList[T] {
	var l DayList[T]
	l.Grow(len(vs))
	for _, v := range vs {
		l.Add(v)
	}
	return l
}

// Grow makes room for n more days without allocating again.
func (l *DayList[T]) Grow(n int) {
	if l.days == nil || n > cap(l.days)-len(l.days) {
		days := make([]dayRef, len(l.days), len(l.days)+n)
		copy(days, l.days)
		l.days = days
	}
}

// GrowValues makes room for n more values of their own (Add) without
// allocating again.
func (l *DayList[T]) GrowValues(n int) {
	if n > cap(l.values)-len(l.values) {
		values := make([]T, len(l.values), len(l.values)+n)
		copy(values, l.values)
		l.values = values
	}
}

// Add appends v as a day with a value of its own and returns the index of
// that value, for AddLike.
func (l *DayList[T]) Add(v T) int {
	l.values = append(l.values, v)
	i := len(l.values) - 1
	l.days = append(l.days, dayRef{date: v.Day(), value: int32(i)})
	return i
}

// AddLike appends day d with the value that Add returned index i for, its
// date d. It panics when i is not such an index (a programming error).
func (l *DayList[T]) AddLike(d Date, i int) {
	_ = l.values[i]
	l.days = append(l.days, dayRef{date: d, value: int32(i)})
}

// Value returns the value that Add returned index i for, with the date of
// the day it was added on; Set replaces it (its days keep their own dates).
func (l *DayList[T]) Value(i int) T { return l.values[i] }

// Set replaces the value that Add returned index i for: every day added
// with it takes v, on its own date.
func (l *DayList[T]) Set(i int, v T) { l.values[i] = v }

// Len returns the number of days.
func (l DayList[T]) Len() int { return len(l.days) }

// At returns day i's value, 0 ≤ i < Len.
func (l DayList[T]) At(i int) T {
	r := l.days[i]
	return l.values[r.value].OnDay(r.date)
}

// All ranges over the days' indexes and values, in order.
func (l DayList[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, r := range l.days {
			if !yield(i, l.values[r.value].OnDay(r.date)) {
				return
			}
		}
	}
}

// Index returns the index of the first day whose value satisfies f, -1
// when none does.
func (l DayList[T]) Index(f func(T) bool) int {
	for i, v := range l.All() {
		if f(v) {
			return i
		}
	}
	return -1
}

// Slice returns the days' values as a new slice (nil for the zero list).
func (l DayList[T]) Slice() []T {
	if l.days == nil {
		return nil
	}
	out := make([]T, len(l.days))
	for i, r := range l.days {
		out[i] = l.values[r.value].OnDay(r.date)
	}
	return out
}

// Equal reports whether l and o hold equal values on the same days, in
// the same order, however they are stored.
func (l DayList[T]) Equal(o DayList[T]) bool {
	if len(l.days) != len(o.days) {
		return false
	}
	for i := range l.days {
		if !l.At(i).Equal(o.At(i)) {
			return false
		}
	}
	return true
}

// MarshalJSON writes the array of the days' values (null for the zero
// list).
func (l DayList[T]) MarshalJSON() ([]byte, error) {
	return json.Marshal(l.Slice())
}

// UnmarshalJSON reads an array of values (null: the zero list), each day
// its own value. An unknown field is an error, as it is for a strict
// decoder (a decoder's own setting does not reach inside a value that
// decodes itself).
func (l *DayList[T]) UnmarshalJSON(b []byte) error {
	var vs []T
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&vs); err != nil {
		return err
	}
	if vs == nil {
		*l = DayList[T]{}
		return nil
	}
	*l = DayListOf(vs...)
	return nil
}
