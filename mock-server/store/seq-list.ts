/**
 * Records of one partition in creation order (ascending `seq`). Appends are O(1); a page starting
 * after a given seq is found by binary search, so paging cost does not grow with the list.
 */
export class SeqList<T extends { seq: number }> {
  static readonly EMPTY: SeqList<never> = new SeqList<never>();

  readonly #items: T[] = [];

  get length(): number {
    return this.#items.length;
  }

  push(item: T): void {
    const last = this.#items[this.#items.length - 1];
    if (last && last.seq >= item.seq) throw new Error(`SeqList: seq ${item.seq} is not after ${last.seq}`);
    this.#items.push(item);
  }

  remove(item: T): void {
    const i = this.#indexAfter(item.seq - 1);
    if (this.#items[i] === item) this.#items.splice(i, 1);
  }

  /** Items with `seq` greater than `afterSeq`, in order. */
  *after(afterSeq: number): Generator<T> {
    for (let i = this.#indexAfter(afterSeq); i < this.#items.length; i++) yield this.#items[i]!;
  }

  /** Index of the first item whose seq is greater than `seq`. */
  #indexAfter(seq: number): number {
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#items[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
