package coder

import (
	"math"

	"gonum.org/v1/gonum/optimize"
)

// logistic is a binary L2-regularised logistic regression on binary
// features: P(y = 1 | x) = σ(b + Σ_j w_j x_j).
type logistic struct {
	w []float64
	b float64
	// constant is set when the training labels were all equal: the model
	// then predicts that label with probability p0 whatever the text.
	constant bool
	p0       float64
}

// fitLogistic fits a logistic regression to the rows x (sorted column
// indices of the features present, each 0..d−1) and labels y by
// minimising
//
//	Σ_i c_i · [−y_i log p_i − (1 − y_i) log(1 − p_i)] + λ/2 · Σ_j w_j²
//
// (the bias b is not penalised), with c_i = 1, or, when balanced,
// c_i = n / (2 n_y) for a message of label y among n_y (each class then
// weighs n/2 in the loss). The minimiser is gonum's L-BFGS from w = 0
// and b = the log-odds of the (weighted) labels; it is deterministic.
func fitLogistic(x [][]int, y []bool, d int, lambda float64, balanced bool) logistic {
	n := len(y)
	var pos int
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == n {
		return logistic{constant: true, p0: float64(pos) / float64(max(n, 1))}
	}
	cPos, cNeg := 1.0, 1.0
	if balanced {
		cPos = float64(n) / (2 * float64(pos))
		cNeg = float64(n) / (2 * float64(n-pos))
	}
	weight := make([]float64, n)
	for i, v := range y {
		weight[i] = cNeg
		if v {
			weight[i] = cPos
		}
	}
	// θ = (w_0 … w_{d−1}, b).
	eval := func(theta, grad []float64) float64 {
		w, b := theta[:d], theta[d]
		var loss float64
		if grad != nil {
			for j := range grad {
				grad[j] = 0
			}
		}
		for i, row := range x {
			z := b
			for _, j := range row {
				z += w[j]
			}
			// log(1 + e^{−z}) and log(1 + e^{z}) computed stably.
			var l, p float64
			if y[i] {
				l = softplus(-z)
			} else {
				l = softplus(z)
			}
			loss += weight[i] * l
			if grad != nil {
				p = sigmoid(z)
				r := p
				if y[i] {
					r = p - 1
				}
				r *= weight[i]
				for _, j := range row {
					grad[j] += r
				}
				grad[d] += r
			}
		}
		for j := range d {
			loss += lambda / 2 * w[j] * w[j]
			if grad != nil {
				grad[j] += lambda * w[j]
			}
		}
		return loss
	}
	theta := make([]float64, d+1)
	theta[d] = math.Log(cPos * float64(pos) / (cNeg * float64(n-pos)))
	p := optimize.Problem{
		Func: func(t []float64) float64 { return eval(t, nil) },
		Grad: func(g, t []float64) { eval(t, g) },
	}
	settings := &optimize.Settings{
		GradientThreshold: 1e-6,
		MajorIterations:   500,
		FuncEvaluations:   5000,
	}
	res, err := optimize.Minimize(p, theta, settings, &optimize.LBFGS{Store: 15})
	if res != nil && res.X != nil && !hasNaN(res.X) {
		theta = res.X
	} else if err != nil {
		// Keep the starting point: a model that predicts the base rate.
		theta = make([]float64, d+1)
		theta[d] = math.Log(cPos * float64(pos) / (cNeg * float64(n-pos)))
	}
	return logistic{w: theta[:d], b: theta[d]}
}

// prob returns P(y = 1) for a message with the feature columns row.
func (m logistic) prob(row []int) float64 {
	if m.constant {
		return m.p0
	}
	z := m.b
	for _, j := range row {
		if j < len(m.w) {
			z += m.w[j]
		}
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// softplus returns log(1 + e^z) without overflow.
func softplus(z float64) float64 {
	if z > 0 {
		return z + math.Log1p(math.Exp(-z))
	}
	return math.Log1p(math.Exp(z))
}

func hasNaN(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return true
		}
	}
	return false
}
