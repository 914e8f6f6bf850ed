package progress

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/faire-communaute/compendium/analysis/load"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its terminal side, or skips.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("unlockpt: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("ptsname: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("open pts: %v", err)
	}
	t.Cleanup(func() { s.Close(); m.Close() })
	return m, s
}

// On a terminal, Load gives a hook, and a step or a load shorter than
// Delay draws nothing on it.
func TestTerminal(t *testing.T) {
	master, tty := openPTY(t)
	if !IsTerminal(tty) {
		t.Fatal("a pseudo-terminal is not a terminal")
	}
	hook, end := Load(tty, "load")
	if hook == nil {
		t.Fatal("no hook on a terminal")
	}
	hook(load.Counts{Files: 1, TotalFiles: 2, Bytes: 10, TotalBytes: 20, Records: 3})
	end()
	Step(tty, "indicators")()
	// Every write is done (Step's end waits for its goroutine): the
	// terminal holds nothing to read.
	fd := int(master.Fd())
	if err := unix.SetNonblock(fd, true); err != nil {
		t.Skipf("cannot read the terminal without waiting: %v", err)
	}
	buf := make([]byte, 256)
	if n, err := unix.Read(fd, buf); n > 0 || !errors.Is(err, unix.EAGAIN) {
		t.Errorf("drew %q (%v) before the delay", buf[:max(n, 0)], err)
	}
}
