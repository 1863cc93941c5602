import { useEffect, useState } from 'preact/hooks';
import { get, withQuery } from './api';
import type { Agency, Person } from './types';

// The directory as the forms need it: agencies with their units, and an agency's people by role.

export function useAgencies(): Agency[] {
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    get<Agency[]>('/api/agencies').then(setAgencies).catch(() => setAgencies([]));
  }, []);
  return agencies;
}

/** The people of one agency, only those with {@code role} when it is given. */
export function usePeople(agencyCode: string, role?: string): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    get<Person[]>(withQuery('/api/people', { agency: agencyCode }))
      .then((ps) => setPeople(ps.filter((p) => p.agencyCode === agencyCode && (!role || p.roles.includes(role)))))
      .catch(() => setPeople([]));
  }, [agencyCode, role]);
  return people;
}
