/**
 * True when every seat can be given to a different person who may fill it (bipartite matching by
 * augmenting paths). Used to refuse group quorums that overlapping groups can never meet.
 */
export function hasDistinctSeats(seats: readonly (readonly string[])[]): boolean {
  const holder = new Map<string, number>();
  const assign = (seat: number, visited: Set<string>): boolean => {
    for (const person of seats[seat] ?? []) {
      if (visited.has(person)) continue;
      visited.add(person);
      const current = holder.get(person);
      if (current === undefined || assign(current, visited)) {
        holder.set(person, seat);
        return true;
      }
    }
    return false;
  };
  return seats.every((_, seat) => assign(seat, new Set()));
}
