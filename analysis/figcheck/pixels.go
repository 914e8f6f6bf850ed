package figcheck

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
)

// PixelStats is the outcome of comparing two PNGs pixel by pixel.
type PixelStats struct {
	// Compared is false when the comparison did not happen (no baseline,
	// decode error, size mismatch).
	Compared bool
	// BaselineW, BaselineH, NewW, NewH are the image dimensions (0 when unknown).
	BaselineW, BaselineH int
	NewW, NewH           int
	// Differing is the number of pixels with a channel difference above
	// the channel tolerance; Total is the number of pixels.
	Differing, Total int
	// MaxChannelDelta is the largest channel difference seen (0..255).
	MaxChannelDelta int
}

// Share is Differing/Total (0 when nothing was compared).
func (s PixelStats) Share() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Differing) / float64(s.Total)
}

// SameSize reports whether both images have the same dimensions.
func (s PixelStats) SameSize() bool {
	return s.BaselineW == s.NewW && s.BaselineH == s.NewH
}

func readPNG(path string) (*image.NRGBA, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return toNRGBA(img), nil
}

// toNRGBA converts img to 8-bit non-premultiplied RGBA with origin (0,0).
func toNRGBA(img image.Image) *image.NRGBA {
	b := img.Bounds()
	if n, ok := img.(*image.NRGBA); ok && b.Min == (image.Point{}) {
		return n
	}
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Bounds(), img, b.Min, draw.Src)
	return out
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// pixelDiffers returns the largest channel delta of pixel offset i.
func pixelDelta(a, b *image.NRGBA, x, y int) int {
	ia, ib := a.PixOffset(x, y), b.PixOffset(x, y)
	m := 0
	for c := 0; c < 4; c++ {
		if d := absDiff(a.Pix[ia+c], b.Pix[ib+c]); d > m {
			m = d
		}
	}
	return m
}

// comparePixels compares two decoded images. A pixel differs when one of its
// channels differs by more than channelTol.
func comparePixels(base, cur *image.NRGBA, channelTol int) PixelStats {
	s := PixelStats{
		BaselineW: base.Rect.Dx(), BaselineH: base.Rect.Dy(),
		NewW: cur.Rect.Dx(), NewH: cur.Rect.Dy(),
	}
	if !s.SameSize() {
		return s
	}
	s.Compared = true
	s.Total = s.NewW * s.NewH
	for y := 0; y < s.NewH; y++ {
		for x := 0; x < s.NewW; x++ {
			d := pixelDelta(base, cur, x, y)
			if d > s.MaxChannelDelta {
				s.MaxChannelDelta = d
			}
			if d > channelTol {
				s.Differing++
			}
		}
	}
	return s
}

// DiffImage draws the differing pixels of cur (w.r.t. base, channel
// tolerance channelTol) in pure red over a faded greyscale of cur. Both
// images must have the same dimensions.
func DiffImage(base, cur image.Image, channelTol int) (*image.NRGBA, error) {
	a, b := toNRGBA(base), toNRGBA(cur)
	if a.Rect.Dx() != b.Rect.Dx() || a.Rect.Dy() != b.Rect.Dy() {
		return nil, fmt.Errorf("size %dx%d vs %dx%d", a.Rect.Dx(), a.Rect.Dy(), b.Rect.Dx(), b.Rect.Dy())
	}
	out := image.NewNRGBA(b.Rect)
	red := color.NRGBA{R: 255, A: 255}
	for y := 0; y < b.Rect.Dy(); y++ {
		for x := 0; x < b.Rect.Dx(); x++ {
			if pixelDelta(a, b, x, y) > channelTol {
				out.SetNRGBA(x, y, red)
				continue
			}
			p := b.NRGBAAt(x, y)
			// Composite over white, take the luma, then fade towards white.
			al := float64(p.A) / 255
			r := float64(p.R)*al + 255*(1-al)
			g := float64(p.G)*al + 255*(1-al)
			bl := float64(p.B)*al + 255*(1-al)
			l := 0.299*r + 0.587*g + 0.114*bl
			f := uint8(255 - (255-l)/3 + 0.5)
			out.SetNRGBA(x, y, color.NRGBA{R: f, G: f, B: f, A: 255})
		}
	}
	return out, nil
}
