/**
 * A JSON copy of a draft in localStorage (browser side), for editors that must survive a lost
 * connection or a closed page. Storage that is full or disabled is not an error: the draft then
 * lives in the form and on the server only.
 */
export function localCopy<T>(key: string) {
  return {
    read(): T | null {
      try {
        return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
      } catch {
        return null;
      }
    },
    write(value: T): void {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch {
        // See above: nothing to do.
      }
    },
    clear(): void {
      localStorage.removeItem(key);
    },
  };
}
