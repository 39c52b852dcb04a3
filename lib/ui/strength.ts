/** Affinity's relationship strength (0..1) in a word people can scan. */
export function strengthWord(strength: number): string {
  if (strength >= 0.7) return 'Strong';
  if (strength >= 0.4) return 'Medium';
  if (strength > 0) return 'Weak';
  return 'None';
}
