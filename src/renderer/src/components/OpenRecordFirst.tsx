import { useSession } from '../session';
import { ActionLink, PageHeading } from '../screens/sharing/parts';

// What a screen that shows a person's information says when the register asks why the
// record is being opened and no reason has been given yet: open the record, say why there.

export function OpenRecordFirst({ caption, what, subjectId }: { caption: string; what: string; subjectId: string }) {
  const { navigate } = useSession();
  return (
    <>
      <PageHeading caption={caption}>Say why you are opening this record first</PageHeading>
      <p className="govuk-body">{`A ${what} shows the person’s information, so it is opened like their record: open the record, say why, and the ${what} is listed on it.`}</p>
      <ActionLink onClick={() => navigate({ name: 'subject', id: subjectId })}>Open the person’s record</ActionLink>
    </>
  );
}
