package export

import (
	"bufio"
	"io"

	"golang.org/x/text/unicode/norm"
)

// nfc writes to out, in NFC, the text fill writes to its buffer. The text
// goes through a normaliser as it is written (norm.NFC.Writer), which
// gives the bytes normalising the whole text at once would, without
// holding it all.
func nfc(out io.Writer, fill func(*bufio.Writer)) error {
	o := newNFCOut(out)
	fill(o.Writer)
	return o.close()
}

// nfcOut is a buffer in front of a normaliser writing to out, that can
// also pass text already in NFC straight to out (see raw).
type nfcOut struct {
	*bufio.Writer
	out  io.Writer
	norm io.WriteCloser
	err  error
}

func newNFCOut(out io.Writer) *nfcOut {
	n := norm.NFC.Writer(out)
	return &nfcOut{Writer: bufio.NewWriterSize(n, 64<<10), out: out, norm: n}
}

// raw writes s, which must be in NFC and begin with an ASCII character
// that nothing before it can combine with (such as '<' or a letter
// followed by more ASCII), straight to out: what was written before it
// is normalised up to it, and what follows it is normalised from it on.
// A text that begins that way starts a new stretch of normalisation, so
// the bytes are those of normalising everything at once.
func (o *nfcOut) raw(s []byte) {
	if o.err != nil {
		return
	}
	if o.err = o.Flush(); o.err != nil {
		return
	}
	if o.err = o.norm.Close(); o.err != nil {
		return
	}
	if _, o.err = o.out.Write(s); o.err != nil {
		return
	}
	o.norm = norm.NFC.Writer(o.out)
	o.Reset(o.norm)
}

// close writes what is left.
func (o *nfcOut) close() error {
	if o.err != nil {
		return o.err
	}
	if err := o.Flush(); err != nil {
		return err
	}
	return o.norm.Close()
}
