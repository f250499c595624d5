import type { MailTemplate, MailTemplateParams } from '@dx/contracts';
import { renderActivationCode } from './activation-code.template';
import { renderPasswordReset } from './password-reset.template';
import type { RenderedMail } from './render-helpers';

export type { RenderedMail } from './render-helpers';

/** Renders a stored mail; a template name the worker does not know is a programming error. */
export function renderMail(
  template: MailTemplate,
  params: Record<string, unknown>,
  timeZone: string,
): RenderedMail {
  switch (template) {
    case 'activation-code':
      return renderActivationCode(
        params as unknown as MailTemplateParams['activation-code'],
        timeZone,
      );
    case 'password-reset':
      return renderPasswordReset(params as unknown as MailTemplateParams['password-reset']);
    default:
      throw new Error(`Unknown mail template "${String(template)}"`);
  }
}
