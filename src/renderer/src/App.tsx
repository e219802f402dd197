import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../shared/contract';
import { Layout } from './components/Layout';
import { mappa } from './mappa';

type AppInfo = ChannelOutput<'app.info'>;

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    mappa()
      .app.info({})
      .then(setInfo)
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : 'The register could not be reached.'));
  }, []);

  return (
    <Layout version={info?.version}>
      <h1 className="govuk-heading-xl">MAPPA Register</h1>
      {failure ? (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <p className="govuk-body">{failure}</p>
        </div>
      ) : null}
      <p className="govuk-body-l">
        An encrypted register of the information your agency shares under the Multi-Agency Public Protection Arrangements.
      </p>
      {info ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Version</dt>
            <dd className="govuk-summary-list__value">{info.version}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Handling</dt>
            <dd className="govuk-summary-list__value">{info.classification}</dd>
          </div>
        </dl>
      ) : null}
    </Layout>
  );
}
