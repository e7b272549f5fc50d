/** What the identifier finders return: the kind of identifier and where it stands. */
export type IdentifierKind =
  'name' | 'date-of-birth' | 'postcode' | 'address' | 'phone' | 'email' | 'nhs-number' | 'ni-number' | 'record-number' | 'school';

export interface Found {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
}
