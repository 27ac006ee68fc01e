import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../platform/http/actor';
import { requireRole } from '../../platform/http/guards';
import { pathId } from '../../platform/http/params';
import type { FieldError } from '../../ui/components/form';
import { REFERRAL_ERRORS } from './referral.errors';
import { listField, textField } from './referral-form-input';
import { getPartner, listPartners, savePartner, setPartnerActive } from './partner.service';
import { EMPTY_PARTNER, type PartnerFormValues, PartnerFormPage, PARTNERS_PATH, PartnersPage, valuesOfPartner } from './views/partners-admin-pages';

function posted(request: FastifyRequest): PartnerFormValues {
  const body = request.body;
  return {
    name: textField(body, 'name'),
    regions: listField(body, 'regions'),
    domains: listField(body, 'domains'),
    servicesFr: textField(body, 'servicesFr'),
    servicesEn: textField(body, 'servicesEn'),
    languages: listField(body, 'languages'),
    email: textField(body, 'email', 300),
    phone: textField(body, 'phone', 100),
    address: textField(body, 'address'),
  };
}

/** « Organismes partenaires » in the manager's reference data. */
export async function partnerAdminRoutes(app: FastifyInstance): Promise<void> {
  const manager = { preHandler: requireRole('admin') };
  const db = () => app.database.db;

  app.get(PARTNERS_PATH, manager, async (request, reply) => {
    const partners = await listPartners(db(), requestActor(request));
    const notice = (request.query as Record<string, unknown> | undefined)?.enregistre === '1' ? request.t('referrals.partners.saved') : undefined;
    return reply.page({ title: request.t('referrals.partners.title'), body: (ctx) => <PartnersPage ctx={ctx} partners={partners} notice={notice} /> });
  });

  app.get(`${PARTNERS_PATH}/nouveau`, manager, async (request, reply) => reply.page({ title: request.t('referrals.partners.add'), body: (ctx) => <PartnerFormPage ctx={ctx} values={EMPTY_PARTNER} /> }));

  app.get(`${PARTNERS_PATH}/:id`, manager, async (request, reply) => {
    const partner = await getPartner(db(), requestActor(request), pathId(request));
    return reply.page({ title: request.t('referrals.partners.editNamed', { name: partner.name }), body: (ctx) => <PartnerFormPage ctx={ctx} id={partner.id} values={valuesOfPartner(partner)} /> });
  });

  const save = async (request: FastifyRequest, id?: number) => {
    const values = posted(request);
    const result = await savePartner(db(), requestActor(request), { ...values, id }, app.clock);
    if (result.ok) return { ok: true as const };
    const errors: FieldError[] = [];
    for (const code of result.codes) {
      const refusal = REFERRAL_ERRORS[code];
      const field = refusal.field ?? 'name';
      if (!errors.some((e) => e.field === field)) errors.push({ field, message: request.t(refusal.messageKey) });
    }
    return { ok: false as const, values, errors };
  };

  app.post(PARTNERS_PATH, manager, async (request, reply) => {
    const result = await save(request);
    if (result.ok) return reply.redirect(`${PARTNERS_PATH}?enregistre=1`, 303);
    return reply.page({ title: request.t('referrals.partners.add'), status: 400, body: (ctx) => <PartnerFormPage ctx={ctx} values={result.values} errors={result.errors} /> });
  });

  app.post(`${PARTNERS_PATH}/:id`, manager, async (request, reply) => {
    const id = pathId(request);
    await getPartner(db(), requestActor(request), id);
    const result = await save(request, id);
    if (result.ok) return reply.redirect(`${PARTNERS_PATH}?enregistre=1`, 303);
    return reply.page({ title: request.t('referrals.partners.editNamed', { name: result.values.name }), status: 400, body: (ctx) => <PartnerFormPage ctx={ctx} id={id} values={result.values} errors={result.errors} /> });
  });

  for (const [path, active] of [
    ['retirer', false],
    ['retablir', true],
  ] as const) {
    app.post(`${PARTNERS_PATH}/:id/${path}`, manager, async (request, reply) => {
      await setPartnerActive(db(), requestActor(request), pathId(request), active, app.clock);
      return reply.redirect(PARTNERS_PATH, 303);
    });
  }
}
