import type { Metadata } from "next";

import { SignInForm } from "../../components/SignInForm";

export const metadata: Metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <section>
      <h1>Sign in</h1>
      <SignInForm />
    </section>
  );
}
