-- Whether an e-mail holds a pending invitation, asked by the console's sign-in page before it mails
-- a sign-in link (邮箱登录链接): GoTrue then creates an account only for an invited address
-- (`signInWithOtp` with `shouldCreateUser`), and the trigger of 20261205090100 turns the invitation
-- into a membership once the link confirms the e-mail.
--
-- The page runs as `anon`, which may use nothing in schema private, so this one function is
-- security definer in public. Its answer is a single boolean: it names no unit, role or inviter.

create function public.invitation_pending(p_email text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.invitations i
    where i.email = lower(btrim(p_email)) and i.accepted_at is null and i.withdrawn_at is null and i.expires_at > now()
  )
$$;
revoke all on function public.invitation_pending(text) from public;
grant execute on function public.invitation_pending(text) to anon, authenticated, service_role;
