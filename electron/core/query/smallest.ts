/**
 * The `k` smallest of `keys`, ascending; `keys` is reordered. A page sorted by date out of 50,000 search hits
 * needs only its first rows in order: selecting them first costs one pass where sorting all costs several.
 */
export function smallest(keys: Float64Array, k: number): Float64Array {
  if (k <= 0) return keys.subarray(0, 0);
  if (k * 4 >= keys.length) return keys.sort().subarray(0, k);
  selectFirst(keys, k - 1);
  return keys.subarray(0, k).sort();
}

/** Hoare's selection: afterwards nothing before `target` is larger than anything from `target` on. */
function selectFirst(keys: Float64Array, target: number): void {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const pivot = medianOfThree(keys[lo]!, keys[(lo + hi) >> 1]!, keys[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i]! < pivot) i++;
      while (keys[j]! > pivot) j--;
      if (i <= j) {
        const t = keys[i]!;
        keys[i++] = keys[j]!;
        keys[j--] = t;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
