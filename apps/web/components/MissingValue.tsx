/** Em dash for a value the API returned as null, with `reason` as its tooltip. */
export function MissingValue({ reason }: { reason: string }) {
  return (
    <span className="missing" title={reason}>
      —<span className="visually-hidden"> ({reason})</span>
    </span>
  );
}
