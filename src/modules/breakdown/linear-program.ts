/**
 * The smallest value of c·x over x ≥ 0 with A·x = b: a dense two-phase simplex with Bland's rule (which cannot
 * cycle), for the small systems of disclosure.ts. Returns null when there is no such x, -Infinity when c·x has
 * no lower bound.
 */
export function minimize(a: number[][], b: number[], c: number[]): number | null {
  const EPS = 1e-9;
  const n = c.length;
  // Rows with b ≥ 0, then one artificial variable per row: columns 0..n-1 real, n..n+m-1 artificial, last = b.
  const rows = a.map((row, i) => (b[i] < 0 ? [...row.map((x) => -x), -b[i]] : [...row, b[i]]));
  const m = rows.length;
  const width = n + m + 1;
  const t = rows.map((row, i) => {
    const full = new Array<number>(width).fill(0);
    for (let j = 0; j < n; j++) full[j] = row[j];
    full[n + i] = 1;
    full[width - 1] = row[n];
    return full;
  });
  const basis = t.map((_, i) => n + i);

  const pivot = (r: number, col: number) => {
    const p = t[r][col];
    for (let j = 0; j < width; j++) t[r][j] /= p;
    for (let i = 0; i < m; i++) {
      if (i === r || t[i][col] === 0) continue;
      const f = t[i][col];
      for (let j = 0; j < width; j++) t[i][j] -= f * t[r][j];
    }
    basis[r] = col;
  };

  /** Runs the simplex on the cost vector over the allowed columns; false when unbounded. */
  const run = (cost: number[], allowed: (col: number) => boolean): boolean => {
    for (;;) {
      let entering = -1;
      for (let col = 0; col < n + m && entering < 0; col++) {
        if (!allowed(col) || basis.includes(col)) continue;
        let reduced = cost[col];
        for (let i = 0; i < m; i++) reduced -= cost[basis[i]] * t[i][col];
        if (reduced < -EPS) entering = col;
      }
      if (entering < 0) return true;
      let leaving = -1;
      let best = Infinity;
      for (let i = 0; i < m; i++) {
        if (t[i][entering] <= EPS) continue;
        const ratio = t[i][width - 1] / t[i][entering];
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[leaving])) {
          best = ratio;
          leaving = i;
        }
      }
      if (leaving < 0) return false;
      pivot(leaving, entering);
    }
  };

  const phase1 = new Array<number>(n + m).fill(0).map((_, j) => (j >= n ? 1 : 0));
  run(phase1, () => true);
  const infeasibility = basis.reduce((s, col, i) => s + (col >= n ? t[i][width - 1] : 0), 0);
  if (infeasibility > 1e-7) return null;
  // Artificial variables left in the basis at zero: pivot them out where a real column can take their place.
  for (let i = 0; i < m; i++) {
    if (basis[i] < n) continue;
    const col = t[i].findIndex((x, j) => j < n && Math.abs(x) > EPS);
    if (col >= 0) pivot(i, col);
  }
  const cost = [...c, ...new Array<number>(m).fill(0)];
  if (!run(cost, (col) => col < n)) return -Infinity;
  return basis.reduce((s, col, i) => s + (col < n ? c[col] * t[i][width - 1] : 0), 0);
}
