import { withParticle } from './korean';

describe('withParticle', () => {
  it('follows how Hangul, digits and letters are read aloud', () => {
    expect(withParticle('서브넷', '이/가')).toBe('서브넷이');
    expect(withParticle('데이터베이스', '이/가')).toBe('데이터베이스가');
    expect(withParticle('10.0.0.0/16', '을/를')).toBe('10.0.0.0/16을');
    expect(withParticle('0.0.0.0/0', '을/를')).toBe('0.0.0.0/0을');
    expect(withParticle('AZ#2', '은/는')).toBe('AZ#2는');
    expect(withParticle('WebSg', '이/가')).toBe('WebSg가');
    expect(withParticle('AppFleetASGB724D448', '과/와')).toBe('AppFleetASGB724D448과');
  });

  it('uses 로 after ㄹ and vowels, 으로 after other final consonants', () => {
    expect(withParticle('서울', '으로/로')).toBe('서울로');
    expect(withParticle('NAT 게이트웨이 Nat1', '으로/로')).toBe('NAT 게이트웨이 Nat1로');
    expect(withParticle('인터넷', '으로/로')).toBe('인터넷으로');
    expect(withParticle('Igw', '으로/로')).toBe('Igw로');
  });

  it('skips a trailing parenthesis and a trailing dot', () => {
    expect(withParticle('서브넷 Data1(AZ#1)', '이/가')).toBe('서브넷 Data1(AZ#1)이');
    expect(withParticle('shop.example.com.', '이/가')).toBe('shop.example.com.이');
  });
});
