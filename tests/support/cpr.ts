/** A CPR number no other test uses: ten digits, a real date in the last century, a random serial. */
export function freshCpr(): string {
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const year = String(40 + Math.floor(Math.random() * 50));
  return `${day}${month}${year}${Math.floor(Math.random() * 4)}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
}
