import type { Person } from '../../../shared/api/people';
import { nameKey } from '../../../shared/domain/names';
import type { Db } from '../db/open';

interface PersonRow {
  id: string;
  name: string;
  created_at: string;
}
const toPerson = (r: PersonRow): Person => ({ id: r.id, name: r.name, createdAt: r.created_at });

export const listPeople = (db: Db): Person[] =>
  (db.prepare('SELECT * FROM people ORDER BY name COLLATE NOCASE, created_at').all() as PersonRow[]).map(toPerson);

/** The profile with the same name under nameKey (NFKC and Unicode case folding, which SQLite's ASCII-only NOCASE is not). */
export function personWithSameName(db: Db, name: string): Person | undefined {
  const key = nameKey(name);
  return listPeople(db).find((p) => nameKey(p.name) === key);
}

export function findPerson(db: Db, id: string): Person | undefined {
  const row = db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
  return row && toPerson(row);
}

export function insertPerson(db: Db, person: Person): void {
  db.prepare('INSERT INTO people (id, name, created_at) VALUES (?, ?, ?)').run(person.id, person.name, person.createdAt);
}
