import { useEffect, useRef, useState } from 'react';

/**
 * One decision form under a table, for the row the person chose (GOV.UK: one form, so
 * the error summary's links reach fields whose ids are the contract's names). Choosing a
 * row moves focus to the form's heading; cancelling returns it to that row's button.
 */
export function useRowForm<T>(buttonId: (row: T) => string, reset: () => void) {
  const [chosen, setChosen] = useState<T | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (chosen) heading.current?.focus();
  }, [chosen]);

  const choose = (row: T) => {
    reset();
    setChosen(row);
  };

  const cancel = () => {
    if (chosen) document.getElementById(buttonId(chosen))?.focus();
    reset();
    setChosen(null);
  };

  return { chosen, setChosen, choose, cancel, heading };
}
