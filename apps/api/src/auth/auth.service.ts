import type { LoginResponse, MeResponse } from '@dx/contracts';
import { UserEntity } from '@dx/db';
import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccessTokenPayload } from './auth-user';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';

export function toMe(user: UserEntity): MeResponse {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    orgUnitId: user.orgUnitId,
    roles: user.roles,
    dxRole: user.dxRole,
  };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
  ) {}

  async login(rawUsername: string, password: string, ip: string): Promise<LoginResponse> {
    const username = rawUsername.trim().toLowerCase();
    await this.throttle.assertAllowed(username, ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const ok = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.throttle.recordFailure(username, ip);
      throw new UnauthorizedException('Wrong username or password');
    }
    await this.throttle.recordSuccess(username);
    const payload: AccessTokenPayload = {
      sub: user.id,
      username: user.username,
      orgUnitId: user.orgUnitId,
      roles: user.roles,
    };
    return { accessToken: await this.jwt.signAsync(payload), user: toMe(user) };
  }

  async me(userId: string): Promise<MeResponse> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw new NotFoundException('User not found');
    return toMe(user);
  }
}
