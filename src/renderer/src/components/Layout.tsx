import type { ReactNode } from 'react';
import { PRODUCT_NAME } from '../../../shared/classification';
import { ClassificationBanner } from './ClassificationBanner';

export interface LayoutProps {
  /** Shown in the header's right-hand side: who is signed in, the lock button. */
  account?: ReactNode;
  /** Primary navigation items, shown only when a register is open. */
  navigation?: ReactNode;
  version?: string;
  children: ReactNode;
}

export function Layout({ account, navigation, version, children }: LayoutProps) {
  return (
    <div className="app-layout">
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header role="banner">
        <ClassificationBanner position="top" />
        <div className="moj-header">
        <div className="moj-header__container">
          <div className="moj-header__logo">
            <span className="moj-header__link moj-header__link--service-name">{PRODUCT_NAME}</span>
          </div>
          {account ? <div className="moj-header__content">{account}</div> : null}
        </div>
        </div>
      </header>
      {navigation}
      <div className="govuk-width-container app-layout__main">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">
            {PRODUCT_NAME}
            {version ? ` version ${version}` : ''}. Information shared under MAPPA belongs to the agency that provided it.
          </p>
        </div>
        <ClassificationBanner position="bottom" />
      </footer>
    </div>
  );
}
